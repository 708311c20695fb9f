"""Press contacts: the media outlets and institutions the office works with (admin only)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactFields(models.Model):
    name = models.CharField(_("nombre"), max_length=255, unique=True)
    contact_person = models.CharField(_("persona de contacto"), max_length=255, blank=True)
    email = models.EmailField(_("correo electrónico"), blank=True)
    phone = models.CharField(_("teléfono"), max_length=50, blank=True)
    notes = models.TextField(_("notas internas"), blank=True)
    # Distribution list (media_relations): who receives published press notes.
    accredited = models.BooleanField(
        _("acreditado"),
        default=False,
        help_text=_("Recibe las notas de prensa y puede recibir enlaces con embargo. Solo el Director acredita."),
    )
    categories = models.ManyToManyField(
        "cms.Category",
        verbose_name=_("categorías de interés"),
        blank=True,
        related_name="+",
        help_text=_("Recibe las notas de prensa de estas categorías."),
    )
    unsubscribed_at = models.DateTimeField(
        _("dado de baja"),
        null=True,
        blank=True,
        help_text=_("Fecha en que pidió no recibir más notas de prensa (enlace de baja del correo)."),
    )

    class Meta:
        abstract = True
        ordering = ["name"]
        permissions = [("accredit_contact", "Puede acreditar contactos de prensa")]

    def __str__(self):
        return self.name


class MediaOutlet(ContactFields):
    class Kind(models.TextChoices):
        TV = "tv", _("Televisión")
        RADIO = "radio", _("Radio")
        PRESS = "prensa", _("Prensa escrita")
        DIGITAL = "digital", _("Medio digital")
        AGENCY = "agencia", _("Agencia de noticias")

    kind = models.CharField(_("tipo de medio"), max_length=16, choices=Kind.choices)
    website = models.URLField(_("sitio web"), blank=True)

    class Meta(ContactFields.Meta):
        verbose_name = _("medio de comunicación")
        verbose_name_plural = _("medios de comunicación")


class Institution(ContactFields):
    class Sector(models.TextChoices):
        PUBLIC = "publica", _("Pública")
        PRIVATE = "privada", _("Privada")
        CIVIC = "civica", _("Cívica o tutelar")
        FOREIGN = "extranjera", _("Extranjera")
        LOCAL_GOV = "gobierno_local", _("Gobierno local")

    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)

    class Meta(ContactFields.Meta):
        verbose_name = _("institución")
        verbose_name_plural = _("instituciones")
