"""Communication campaigns (campañas de difusión): press notes, activities, bulletins and
alerts around one purpose for a period."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from cms.blocks import BodyBlock
from cms.mixins import SectionIndexPage
from news.campaign_items import CampaignItemsField


class CampaignIndexPage(SectionIndexPage):
    subpage_types = ["news.CampaignPage"]

    class Meta:
        verbose_name = _("Campañas")
        verbose_name_plural = _("Campañas")


class CampaignPage(HeadlessMixin, Page):
    purpose = models.TextField(
        _("propósito"), max_length=600, help_text=_("Qué busca la campaña, en una o dos frases.")
    )
    start_date = models.DateField(_("desde"))
    end_date = models.DateField(_("hasta"))
    image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("imagen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("cuerpo"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("purpose"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Periodo")),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("purpose"), index.SearchField("body")]
    api_fields = [
        APIField("purpose"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("image"),
        APIField("body"),
        APIField("items", serializer=CampaignItemsField()),
    ]
    _item = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "date": {"type": ["string", "null"]},
            "meta": {"type": "object", "description": "Como en PageRef: type, detail_url, html_url, html_path."},
        },
        "required": ["id", "title", "date", "meta"],
    }
    api_field_schemas = {
        "items": {
            "type": "object",
            "description": "Lo publicado de la campaña, por tipo, lo más reciente primero.",
            "properties": {
                "news": {"type": "array", "items": _item},
                "events": {"type": "array", "items": _item},
                "bulletins": {"type": "array", "items": _item},
                "alerts": {"type": "array", "items": {"type": "object"}},
            },
            "required": ["news", "events", "bulletins", "alerts"],
        }
    }
    parent_page_types = ["news.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Campaña")
        verbose_name_plural = _("Campañas")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("El fin de la campaña no puede ser anterior a su inicio.")})
