"""Bulletins, magazines, wall newspapers and annual reports (publicaciones)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from cms.mixins import SectionIndexPage


class BulletinIndexPage(SectionIndexPage):
    subpage_types = ["news.BulletinPage"]

    class Meta:
        verbose_name = _("Publicaciones")
        verbose_name_plural = _("Publicaciones")


def is_pdf(document):
    """A real PDF: the right extension and the PDF signature at the start of the file."""
    if document is None or document.file_extension.lower() != "pdf":
        return False
    try:
        with document.open_file() as handle:
            return handle.read(5) == b"%PDF-"
    except (FileNotFoundError, OSError):
        return False


class BulletinPage(HeadlessMixin, Page):
    class Kind(models.TextChoices):
        BULLETIN = "boletin", _("Boletín")
        MAGAZINE = "revista", _("Revista")
        WALL_NEWSPAPER = "periodico_mural", _("Periódico mural")
        ANNUAL_REPORT = "memoria_anual", _("Memoria anual")

    kind = models.CharField(_("tipo"), max_length=32, choices=Kind.choices)
    issue_number = models.PositiveIntegerField(_("número"), null=True, blank=True)
    edition_date = models.DateField(_("fecha de edición"), db_index=True)
    cover_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("portada"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Archivo PDF de la publicación (obligatorio)."),
    )
    summary = models.TextField(_("sumilla"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("issue_number"), FieldPanel("edition_date")], heading=_("Edición")
        ),
        FieldPanel("cover_image"),
        FieldPanel("pdf"),
        FieldPanel("summary"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.FilterField("kind"),
        index.FilterField("edition_date"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("issue_number"),
        APIField("edition_date"),
        APIField("cover_image"),
        APIField("pdf"),
        APIField("summary"),
    ]
    parent_page_types = ["news.BulletinIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Publicación")
        verbose_name_plural = _("Publicaciones")

    def clean(self):
        super().clean()
        if self.pdf_id and not is_pdf(self.pdf):
            raise ValidationError({"pdf": _("El archivo debe ser un PDF válido.")})
