"""Bulletins, magazines, wall newspapers and annual reports (publicaciones)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from cms.api.public import in_public_collection
from cms.mixins import CampaignMixin, SectionIndexPage
from search.pdf import extract_pdf_text, pdf_source


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


class PublicPdfTextField(index.SearchField):
    """The PDF's text, indexed only while the PDF's collection is public (same column name)."""

    def get_value(self, obj):
        return obj.public_pdf_text()


class BulletinPage(HeadlessMixin, CampaignMixin, Page):
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
    # Filled from the PDF on save (see refresh_pdf_text) so that search finds words inside it.
    pdf_text = models.TextField(_("texto del PDF"), blank=True, editable=False)
    pdf_text_source = models.CharField(_("origen del texto del PDF"), max_length=255, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("issue_number"), FieldPanel("edition_date")], heading=_("Edición")
        ),
        FieldPanel("cover_image"),
        FieldPanel("pdf"),
        FieldPanel("summary"),
        *CampaignMixin.campaign_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        PublicPdfTextField("pdf_text"),
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
        *CampaignMixin.campaign_api_fields,
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

    def refresh_pdf_text(self):
        """Extract the PDF's text again if the PDF or its file changed; True if it did."""
        source = pdf_source(self.pdf) if self.pdf_id else ""
        if source == self.pdf_text_source:
            return False
        self.pdf_text = extract_pdf_text(self.pdf) if self.pdf_id else ""
        self.pdf_text_source = source
        return True

    def public_pdf_text(self):
        """What search indexes of the PDF: its text only while the PDF's collection is public."""
        return self.pdf_text if self.pdf_id and in_public_collection(self.pdf) else ""

    def refresh_search_index(self):
        """Index the live page again (after its PDF's collection became private or public)."""
        from wagtail.search.index import insert_or_update_object

        insert_or_update_object(self)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.refresh_pdf_text()
        elif "pdf" in update_fields and self.refresh_pdf_text():
            kwargs["update_fields"] = {*update_fields, "pdf_text", "pdf_text_source"}
        return super().save(*args, **kwargs)

    def serializable_data(self):
        """Revisions leave the extracted text out: it follows the PDF, not the editor."""
        data = super().serializable_data()
        data.pop("pdf_text", None)
        data.pop("pdf_text_source", None)
        return data

    def with_content_json(self, content):
        page = super().with_content_json(content)
        page.pdf_text, page.pdf_text_source = self.pdf_text, self.pdf_text_source
        return page
