"""Personal links that show an embargoed press note to an accredited journalist before go-live."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .contacts import ContactReference


def new_token():
    return secrets.token_urlsafe(24)


class EmbargoLink(ContactReference):
    page = models.ForeignKey(
        "news.NewsPage", verbose_name=_("nota de prensa"), on_delete=models.CASCADE, related_name="embargo_links"
    )
    token = models.CharField(_("clave del enlace"), max_length=64, unique=True, default=new_token, editable=False)
    contact_name = models.CharField(_("periodista o medio"), max_length=255)
    created_by = models.ForeignKey(
        "auth.User", verbose_name=_("creado por"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("creado"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revocado"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        "auth.User", verbose_name=_("revocado por"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enlace con embargo")
        verbose_name_plural = _("enlaces con embargo")

    def __str__(self):
        return f"{self.page.title} — {self.contact_name}"

    @property
    def revoked(self):
        return self.revoked_at is not None


class EmbargoOpening(models.Model):
    """Every opening of a link: who (the link's journalist), when, from where, what they saw."""

    class Outcome(models.TextChoices):
        EMBARGOED = "embargo", _("Vio la nota bajo embargo")
        PUBLIC = "publica", _("Redirigido a la página pública")
        REVOKED = "revocado", _("Enlace revocado")
        UNAVAILABLE = "no_disponible", _("Nota no disponible")

    link = models.ForeignKey(EmbargoLink, on_delete=models.CASCADE, related_name="openings")
    opened_at = models.DateTimeField(_("abierto"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("dirección IP"), null=True, blank=True)
    user_agent = models.CharField(_("navegador"), max_length=300, blank=True)
    outcome = models.CharField(_("resultado"), max_length=16, choices=Outcome.choices)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("apertura de enlace con embargo")
        verbose_name_plural = _("aperturas de enlaces con embargo")

    def __str__(self):
        return f"{self.link_id} {self.opened_at:%Y-%m-%d %H:%M:%S} {self.outcome}"
