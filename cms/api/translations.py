"""A page's ``translations`` in the API: its public translations (locale, id, URL) and
whether each is outdated ("desactualizada": its source changed after the last sync)."""

from django.conf import settings
from rest_framework.fields import ReadOnlyField

from cms.api.public import public_pages


def translation_rows(translation_keys):
    return list(
        public_pages()
        .filter(translation_key__in=translation_keys)
        .values("id", "translation_key", "url_path", "locale__language_code", "latest_revision_created_at")
    )


def synced_at(translation_keys):
    """{translation_key: (source language, last sync)} of wagtail-localize's sources."""
    from wagtail_localize.models import TranslationSource

    rows = TranslationSource.objects.filter(object_id__in=translation_keys).values_list(
        "object_id", "locale__language_code", "last_updated_at"
    )
    return {key: (language, when) for key, language, when in rows}


def is_outdated(language, source_language, source_changed_at, last_sync):
    return language != source_language and bool(source_changed_at and last_sync and source_changed_at > last_sync)


def load_translations(keys, bulk):
    """Two queries for a whole response: keys are (translation_key, language of the page)."""
    translation_keys = {key for key, _language in keys}
    by_key = {}
    for row in translation_rows(translation_keys):
        by_key.setdefault(row["translation_key"], []).append(row)
    sources = synced_at(translation_keys)
    order = [code for code, _name in settings.LANGUAGES]
    values = {}
    for key, own_language in keys:
        rows = by_key.get(key, [])
        source_language, last_sync = sources.get(key, (None, None))
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
            for row in sorted(rows, key=lambda r: order.index(r["locale__language_code"]))
            if row["locale__language_code"] != own_language
        ]
    return values


class TranslationsField(ReadOnlyField):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        key = (page.translation_key, page.locale.language_code)
        return self.context["bulk"].deferred("translations", key, load_translations)
