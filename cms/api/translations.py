"""A page's ``translations`` in the API: its public translations (locale, id, URL) and
whether each is outdated ("desactualizada": its source changed after the last sync)."""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from rest_framework.fields import ReadOnlyField

from cms.api.public import public_pages


def translation_rows(translation_keys):
    """One query: the public pages of these translation keys, with their wagtail-localize
    source's language and last sync (None when the page was not translated with it)."""
    from wagtail_localize.models import TranslationSource

    sources = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    return list(
        public_pages()
        .filter(translation_key__in=translation_keys)
        .annotate(
            source_language=Subquery(sources.values("locale__language_code")[:1]),
            last_sync=Subquery(sources.values("last_updated_at")[:1]),
        )
        .values(
            "id",
            "translation_key",
            "url_path",
            "locale__language_code",
            "latest_revision_created_at",
            "source_language",
            "last_sync",
        )
    )


def is_outdated(language, source_language, source_changed_at, last_sync):
    return language != source_language and bool(source_changed_at and last_sync and source_changed_at > last_sync)


def load_translations(keys, bulk):
    """Keys are (translation_key, language of the page); one query for the whole response."""
    by_key = {}
    for row in translation_rows({key for key, _language in keys}):
        by_key.setdefault(row["translation_key"], []).append(row)
    order = [code for code, _name in settings.LANGUAGES]
    values = {}
    for key, own_language in keys:
        rows = sorted(by_key.get(key, []), key=lambda r: order.index(r["locale__language_code"]))
        source_language = rows[0]["source_language"] if rows else None
        last_sync = rows[0]["last_sync"] if rows else None
        source_changed = next(
            (r["latest_revision_created_at"] for r in rows if r["locale__language_code"] == source_language), None
        )
        values[(key, own_language)] = [
            {
                "locale": row["locale__language_code"],
                "id": row["id"],
                "html_url": bulk.roots.public_url(row["url_path"], row["locale__language_code"]),
                "outdated": is_outdated(row["locale__language_code"], source_language, source_changed, last_sync),
            }
            for row in rows
            if row["locale__language_code"] != own_language
        ]
    return values


class TranslationsField(ReadOnlyField):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        key = (page.translation_key, page.locale.language_code)
        return self.context["bulk"].deferred("translations", key, load_translations)
