"""The Mayor's speeches (discursos)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from cms.blocks import BodyBlock
from cms.mixins import SectionIndexPage
from news.speech_diff import speech_comparison


class SpeechIndexPage(SectionIndexPage):
    subpage_types = ["news.SpeechPage"]

    class Meta:
        verbose_name = _("Discursos")
        verbose_name_plural = _("Discursos")


class SpeechPage(HeadlessMixin, Page):
    class SpeechType(models.TextChoices):
        AS_DELIVERED = "transcripcion", _("Transcripción tal como se pronunció")
        PREPARED = "preparado", _("Texto preparado")
        KEY_WORDS = "palabras_centrales", _("Palabras centrales")

    speaker = models.ForeignKey(
        "cms.Person", verbose_name=_("orador"), on_delete=models.PROTECT, related_name="speeches"
    )
    delivered_on = models.DateTimeField(_("pronunciado el"), db_index=True)
    place = models.CharField(_("lugar"), max_length=255, blank=True)
    occasion = models.ForeignKey(
        "events.CivicEventPage",
        verbose_name=_("ocasión"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speeches",
        help_text=_("Actividad del calendario cívico en la que se pronunció (opcional)."),
    )
    speech_type = models.CharField(_("tipo de texto"), max_length=32, choices=SpeechType.choices)

    class DeliveryStatus(models.TextChoices):
        PREPARED = "preparado", _("Preparado (aún sin texto pronunciado)")
        DELIVERED = "pronunciado", _("Pronunciado")

    body = StreamField(
        BodyBlock(),
        verbose_name=_("texto preparado"),
        help_text=_("El texto que la oficina preparó para ser leído."),
    )
    delivered_body = StreamField(
        BodyBlock(),
        verbose_name=_("texto pronunciado"),
        blank=True,
        help_text=_("Lo que realmente se dijo (o su transcripción). Se añade después del acto."),
    )
    video_url = models.URLField(_("video"), blank=True)
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("speaker"), FieldPanel("delivered_on"), FieldPanel("place"), FieldPanel("occasion")],
            heading=_("Circunstancias"),
        ),
        FieldPanel("speech_type"),
        FieldPanel("body"),
        FieldPanel("delivered_body"),
        MultiFieldPanel([FieldPanel("video_url"), FieldPanel("pdf")], heading=_("Multimedia")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("body"),
        index.SearchField("delivered_body"),
        index.SearchField("place"),
        index.FilterField("delivered_on"),
        index.FilterField("speaker"),
        index.RelatedFields("speaker", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("speaker"),
        APIField("delivered_on"),
        APIField("place"),
        APIField("occasion"),
        APIField("speech_type"),
        APIField("body"),
        APIField("delivery_status"),
        APIField("delivered_body"),
        APIField("comparison"),
        APIField("video_url"),
        APIField("pdf"),
    ]
    api_field_schemas = {
        "delivery_status": {"type": "string", "enum": ["preparado", "pronunciado"]},
        "comparison": {
            "type": ["object", "null"],
            "description": "Comparación palabra por palabra del texto preparado con el pronunciado.",
            "properties": {
                "segments": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "op": {"type": "string", "enum": ["equal", "delete", "insert"]},
                            "text": {"type": "string"},
                        },
                        "required": ["op", "text"],
                    },
                },
                "html": {"type": "string", "description": "Párrafos con <del> y <ins>."},
                "changes": {"type": "integer"},
            },
            "required": ["segments", "html", "changes"],
        },
    }
    api_field_needs = {"delivery_status": ["delivered_body"], "comparison": ["body", "delivered_body"]}
    parent_page_types = ["news.SpeechIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Discurso")
        verbose_name_plural = _("Discursos")

    @property
    def delivery_status(self):
        return self.DeliveryStatus.DELIVERED if len(self.delivered_body) else self.DeliveryStatus.PREPARED

    @property
    def comparison(self):
        """Word-level differences between the prepared and the delivered text (None until delivered)."""
        return speech_comparison(self.body, self.delivered_body)
