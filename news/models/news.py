"""Press notes (notas de prensa)."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from cms.blocks import BodyBlock
from cms.mixins import CampaignMixin, ScreenHeadlineMixin, SectionIndexPage


class NewsIndexPage(SectionIndexPage):
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("Notas de prensa")
        verbose_name_plural = _("Notas de prensa")


class NewsPage(HeadlessMixin, ScreenHeadlineMixin, CampaignMixin, Page):
    date = models.DateTimeField(_("fecha"), default=timezone.now, db_index=True)
    lead = models.TextField(_("bajada"), max_length=400, help_text=_("Resumen de una o dos frases."))
    body = StreamField(BodyBlock(), verbose_name=_("cuerpo"))
    main_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("imagen principal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    categories = ParentalManyToManyField("cms.Category", verbose_name=_("categorías"), blank=True)
    related_people = ParentalManyToManyField("cms.Person", verbose_name=_("personas relacionadas"), blank=True)
    place = models.CharField(_("lugar"), max_length=255, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("place")], heading=_("Fecha y lugar")),
        FieldPanel("lead"),
        FieldPanel("main_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_people", widget=forms.CheckboxSelectMultiple),
                *CampaignMixin.campaign_panels,
            ],
            heading=_("Clasificación"),
        ),
        *ScreenHeadlineMixin.screen_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("categories", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        APIField("main_image"),
        APIField("categories"),
        APIField("related_people"),
        APIField("place"),
        *ScreenHeadlineMixin.screen_api_fields,
        *CampaignMixin.campaign_api_fields,
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Nota de prensa")
        verbose_name_plural = _("Notas de prensa")
        ordering = ["-date"]


# Re-exported for filters that need the through model by name.
NewsPageCategory = NewsPage.categories.through
