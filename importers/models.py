"""What an import brought over, keyed by the export's site and item id, so a re-run updates in place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("Entrada")
        ATTACHMENT = "attachment", _("Adjunto")

    source = models.CharField(_("sitio de origen"), max_length=255, help_text=_("URL base del sitio exportado."))
    wp_id = models.PositiveBigIntegerField(_("ID en WordPress"))
    kind = models.CharField(_("tipo"), max_length=16, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("página"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "cms.CustomImage", verbose_name=_("imagen"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("documento"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checksum = models.CharField(_("huella del contenido exportado"), max_length=64)
    permalink = models.TextField(_("enlace permanente original"), blank=True)
    author_name = models.CharField(_("autor original"), max_length=255, blank=True)
    first_imported_at = models.DateTimeField(_("primera importación"), auto_now_add=True)
    last_imported_at = models.DateTimeField(_("última importación"), auto_now=True)

    class Meta:
        verbose_name = _("elemento importado")
        verbose_name_plural = _("elementos importados")
        constraints = [models.UniqueConstraint(fields=["source", "wp_id"], name="importers_item_source_wp_id")]

    def __str__(self):
        return f"{self.source} #{self.wp_id}"
