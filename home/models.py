from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin


class HomePage(HeadlessMixin, Page):
    """Root of the public tree for one locale."""

    intro = RichTextField(_("presentación"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "news.SpeechIndexPage",
        "news.BulletinIndexPage",
        "events.EventIndexPage",
        "news.CampaignIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Inicio")
        verbose_name_plural = _("Inicio")
