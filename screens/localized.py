"""A screen's chosen language (Screen.locale): its slides in that language, item by item.

The feed picks its notes and activities among the Spanish pages (what the office flags for
screens, in the order it decides); each slide is then replaced by the page's public
translation in the screen's language when there is one. A slide without one stays in Spanish
and says so: every slide carries the ``locale`` of its text.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import OuterRef, Subquery
from wagtail.models import Page

from cms.api.public import of_language, public_pages

# Per model: the fields a slide takes from the translation.
TRANSLATED_FIELDS = {
    "news.NewsPage": ("title", "screen_headline"),
    "events.CivicEventPage": ("title", "screen_headline", "place"),
}


def translations_of(model_path, source_ids, language):
    """{Spanish page id: its public translation's fields} in one query (none for Spanish)."""
    if language == settings.LANGUAGE_CODE or not source_ids:
        return {}
    source_id = Page.objects.filter(pk__in=source_ids, translation_key=OuterRef("translation_key")).values("pk")[:1]
    rows = (
        public_pages(apps.get_model(model_path))
        .filter(of_language(language))
        .annotate(source_id=Subquery(source_id))
        .filter(source_id__isnull=False)
        .values("source_id", "id", *TRANSLATED_FIELDS[model_path])
    )
    return {row.pop("source_id"): row for row in rows}


def localize(slides, model_path, language):
    """The slides (built from Spanish pages) in ``language`` where a public translation exists."""
    found = translations_of(model_path, [slide["id"] for slide in slides], language)
    for slide in slides:
        row = found.get(slide["id"])
        if row is None:
            slide["locale"] = settings.LANGUAGE_CODE
            continue
        slide["id"] = row["id"]
        slide["headline"] = row["screen_headline"] or row["title"]
        if "place" in row:
            slide["place"] = row["place"]
        slide["locale"] = language
    return slides
