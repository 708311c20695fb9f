"""Press-interview requests with the Mayor, the Regidores or authorised officials (internal only)."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InterviewRequest(models.Model):
    class Channel(models.TextChoices):
        STUDIO = "estudio", _("En estudio")
        PHONE = "telefono", _("Por teléfono")
        IN_PERSON = "presencial", _("Presencial")

    class Status(models.TextChoices):
        RECEIVED = "recibida", _("Recibida")
        COORDINATING = "en_coordinacion", _("En coordinación")
        SCHEDULED = "programada", _("Programada")
        DONE = "realizada", _("Realizada")
        DECLINED = "declinada", _("Declinada")

    class Source(models.TextChoices):
        WEBSITE = "web", _("Sitio web")
        OFFICE = "oficina", _("Registrada por la oficina")

    reference = models.CharField(_("número de referencia"), max_length=20, unique=True, editable=False)
    outlet = models.CharField(_("medio de comunicación"), max_length=255)
    journalist = models.CharField(_("periodista"), max_length=255)
    email = models.EmailField(_("correo del periodista"), blank=True)
    phone = models.CharField(_("teléfono del periodista"), max_length=50, blank=True)
    person = models.ForeignKey(
        "cms.Person",
        verbose_name=_("persona solicitada"),
        on_delete=models.PROTECT,
        related_name="interview_requests",
        help_text=_("El Alcalde, un Regidor o un funcionario autorizado."),
    )
    topic = models.TextField(_("tema"), max_length=2000)
    proposed_dates = models.TextField(
        _("fechas propuestas"), blank=True, help_text=_("Una por línea, por ejemplo 2026-12-03 10:00.")
    )
    channel = models.CharField(_("modalidad"), max_length=16, choices=Channel.choices)
    status = models.CharField(_("estado"), max_length=16, choices=Status.choices, default=Status.RECEIVED)
    office_notes = models.TextField(_("notas de la oficina"), blank=True)
    agreed_at = models.DateTimeField(_("fecha y hora acordadas"), null=True, blank=True)
    agreed_place = models.CharField(_("lugar acordado"), max_length=255, blank=True)
    source = models.CharField(_("origen"), max_length=16, choices=Source.choices, default=Source.OFFICE)
    created_at = models.DateTimeField(_("recibida"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("actualizada"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("solicitud de entrevista")
        verbose_name_plural = _("solicitudes de entrevista")
        permissions = [("schedule_mayor_interview", "Puede programar entrevistas con el Alcalde")]

    def __str__(self):
        return f"{self.reference} — {self.journalist} ({self.outlet})"

    def clean(self):
        super().clean()
        if self.status == self.Status.SCHEDULED and not self.agreed_at:
            raise ValidationError({"agreed_at": _("Indique la fecha y hora acordadas para programar la entrevista.")})

    @property
    def is_with_mayor(self):
        from cms.models import Person

        return self.person_id is not None and self.person.role == Person.Role.ALCALDE

    def save(self, *args, **kwargs):
        if self.reference:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            self.reference = f"tmp-{uuid.uuid4().hex[:16]}"
            super().save(*args, **kwargs)
            self.reference = f"ENT-{timezone.localtime(self.created_at).year}-{self.pk:05d}"
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)
        return None
