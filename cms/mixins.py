"""Abstract page mixins that carry their own fields and panels."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessMixin


class SectionIndexPage(HeadlessMixin, Page):
    """A section's listing page: an introduction; children are listed by the API."""

    intro = models.TextField(_("presentación"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ScreenHeadlineMixin(models.Model):
    """What the lobby displays show of a page."""

    screen_headline = models.CharField(
        _("titular para pantallas"),
        max_length=60,
        blank=True,
        help_text=_("Máximo 60 caracteres. Si se deja vacío, las pantallas usan el título."),
    )
    show_on_screens = models.BooleanField(
        _("mostrar en pantallas"),
        default=False,
        help_text=_("Incluir en las pantallas de los locales municipales."),
    )

    screen_panels = [
        MultiFieldPanel([FieldPanel("show_on_screens"), FieldPanel("screen_headline")], heading=_("Pantallas"))
    ]
    screen_api_fields = [APIField("screen_headline"), APIField("show_on_screens")]

    class Meta:
        abstract = True


class CampaignMixin(models.Model):
    """Content that may belong to a communication campaign (news.CampaignPage)."""

    campaign = models.ForeignKey(
        "news.CampaignPage",
        verbose_name=_("campaña"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Campaña de difusión a la que pertenece (opcional)."),
    )

    campaign_panels = [FieldPanel("campaign")]
    campaign_api_fields = [APIField("campaign")]

    class Meta:
        abstract = True
