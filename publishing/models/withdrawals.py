"""Published items withdrawn with a public reason (the site answers 410 Gone for their path)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Withdrawal(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("página"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("sitio"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    path = models.CharField(_("ruta pública"), max_length=1024, db_index=True)
    title = models.CharField(_("título"), max_length=255)
    reason = models.TextField(_("motivo público"))
    withdrawn_at = models.DateTimeField(_("retirado el"), default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("retirado por"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cleared_at = models.DateTimeField(
        _("anulado el"), null=True, blank=True, help_text=_("Se anula al volver a publicar la página.")
    )

    class Meta:
        ordering = ["-withdrawn_at"]
        verbose_name = _("retiro")
        verbose_name_plural = _("retiros")

    def __str__(self):
        return f"{self.title} ({self.path})"

    @property
    def active(self):
        return self.cleared_at is None
