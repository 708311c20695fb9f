"""Programmatic translations with wagtail-localize (demo content and tests): the same
records the translation editor writes, so the result is a synced, editable translation."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def translate_page(page, language_code, texts, user=None, publish=False):
    """Translate ``page`` into ``language_code``: ``texts`` maps each source string to its
    translation (strings left out keep the source text). Returns the translated page.
    ``publish=False`` leaves a draft revision, to be submitted to the Director's workflow."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        value = texts.get(segment.string.data)
        if value is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": value, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    translation.save_target(user=user, publish=publish)
    return page.get_translation(locale).specific
