"""Press notes sent to the distribution list: one release per publication, one delivery per contact."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .contacts import ContactReference


class PressRelease(models.Model):
    """A press note's publication sent to the press (created when it first goes live)."""

    page = models.ForeignKey(
        "news.NewsPage", verbose_name=_("nota de prensa"), on_delete=models.CASCADE, related_name="press_releases"
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision", verbose_name=_("revisión publicada"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("creado"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("envío a la prensa")
        verbose_name_plural = _("envíos a la prensa")
        permissions = [("resend_pressrelease", "Puede reenviar notas de prensa")]

    def __str__(self):
        return f"{self.page.title} ({timezone.localtime(self.created_at):%d/%m/%Y %H:%M})"


class PressDelivery(ContactReference):
    """One email of a release to one contact: never two for the same release and contact."""

    class Status(models.TextChoices):
        PENDING = "pendiente", _("Pendiente")
        SENDING = "enviando", _("Enviando")
        SENT = "enviado", _("Enviado")
        FAILED = "fallido", _("Fallido")
        SKIPPED = "omitido", _("Omitido")

    release = models.ForeignKey(
        PressRelease, verbose_name=_("envío"), on_delete=models.CASCADE, related_name="deliveries"
    )
    email = models.EmailField(_("correo electrónico"))
    contact_name = models.CharField(_("contacto"), max_length=255)
    status = models.CharField(_("estado"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("intentos"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("intentos permitidos"), default=5)
    next_attempt_at = models.DateTimeField(_("próximo intento"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("enviado"), null=True, blank=True)
    last_error = models.TextField(_("última respuesta del servidor de correo"), blank=True)
    created_at = models.DateTimeField(_("creado"), default=timezone.now)

    class Meta:
        ordering = ["contact_name"]
        verbose_name = _("envío a un contacto")
        verbose_name_plural = _("envíos a contactos")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "contact_type", "contact_id"], name="media_relations_one_delivery_per_contact"
            )
        ]

    def __str__(self):
        return f"{self.contact_name} <{self.email}>"


class DeliveryAttempt(models.Model):
    """The log: every attempt with the SMTP server's answer."""

    delivery = models.ForeignKey(PressDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveSmallIntegerField(_("intento"))
    at = models.DateTimeField(_("fecha"), default=timezone.now)
    ok = models.BooleanField(_("aceptado"), default=False)
    answer = models.TextField(_("respuesta del servidor de correo"), blank=True)

    class Meta:
        ordering = ["delivery", "number"]
        verbose_name = _("intento de envío")
        verbose_name_plural = _("intentos de envío")

    def __str__(self):
        return f"#{self.number} {self.answer}"
