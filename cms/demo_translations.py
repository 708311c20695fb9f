"""seed_demo: one press note and one activity in Spanish, Runa Simi (Quechua) and English."""

from wagtail.models import Locale

from cms.localize import translate_page

PRESS_NOTE_SLUG = "coordinacion-inti-raymi"
ACTIVITY_SLUG = "inti-raymi"

PRESS_NOTE = {
    "qu": {
        "Coordinación con gobiernos locales y la región para el Inti Raymi": (
            "Inti Raymipaq llaqta kamachiqkunawan, suyuwan ima rimanakuy"
        ),
        "Las instituciones acordaron medidas de seguridad y atención al visitante.": (
            "Kamachiq wasikunaqa rimanakurqanku waqaychakuypaq, watukuqkunata allinta chaskinapaq ima."
        ),
        "Palacio Municipal, Plaza Regocijo S/N": "Kamachiq Wasi, Plaza Regocijo S/N",
        "Se establecieron canales de comunicación permanentes con los medios para informar oportunamente.": (
            "Willakuy wasikunawan sapa kuti rimanakunapaq ñankunata kicharqanku, pachallanpi willanankupaq."
        ),
        "Compromiso con la ciudadanía": "Llaqtamasikunawan rimanakuy",
        "La Municipalidad Provincial del Cusco reafirma su compromiso con la ciudadanía.": (
            "Qusqu Suyupa Hatun Kamachiq Wasinqa llaqtamasikunawan rimanakuyninta kallpachan."
        ),
    },
    "en": {
        "Coordinación con gobiernos locales y la región para el Inti Raymi": (
            "Local governments and the region coordinate for Inti Raymi"
        ),
        "Las instituciones acordaron medidas de seguridad y atención al visitante.": (
            "The institutions agreed on safety measures and on services for visitors."
        ),
        "Palacio Municipal, Plaza Regocijo S/N": "Town Hall, Plaza Regocijo S/N",
        "Se establecieron canales de comunicación permanentes con los medios para informar oportunamente.": (
            "Permanent channels with the press were set up so that news reaches the public in good time."
        ),
        "Compromiso con la ciudadanía": "Our commitment to the public",
        "La Municipalidad Provincial del Cusco reafirma su compromiso con la ciudadanía.": (
            "The Provincial Municipality of Cusco reaffirms its commitment to the public."
        ),
    },
}

ACTIVITY = {
    "qu": {
        "Inti Raymi, Fiesta del Sol": "Inti Raymi, Intiq Raymin",
        "Explanada de Sacsayhuamán": "Saqsaywaman pampa",
        "Parque Arqueológico de Saqsaywaman, Cusco": "Saqsaywaman ñawpa llaqta, Qusqu",
        "Escenificación en el Qorikancha, la Plaza de Armas y Sacsayhuamán.": (
            "Qurikanchapi, Hawkaypatapi, Saqsaywamanpi ima raymi rikuchiy."
        ),
    },
    "en": {
        "Inti Raymi, Fiesta del Sol": "Inti Raymi, Festival of the Sun",
        "Explanada de Sacsayhuamán": "Sacsayhuamán esplanade",
        "Parque Arqueológico de Saqsaywaman, Cusco": "Saqsaywaman Archaeological Park, Cusco",
        "Escenificación en el Qorikancha, la Plaza de Armas y Sacsayhuamán.": (
            "Re-enactment at the Qorikancha, the Plaza de Armas and Sacsayhuamán."
        ),
    },
}


def seed_translations(sections):
    """Published translations (demo content is published directly, like the Spanish demo)."""
    from events.models import CivicEventPage
    from news.models import NewsPage

    default = Locale.get_default()
    note = NewsPage.objects.child_of(sections["news.NewsIndexPage"]).filter(slug=PRESS_NOTE_SLUG).first()
    activity = CivicEventPage.objects.child_of(sections["events.EventIndexPage"]).filter(slug=ACTIVITY_SLUG).first()
    translated = []
    for page, texts in ((note, PRESS_NOTE), (activity, ACTIVITY)):
        if page is None or page.locale_id != default.pk:
            continue
        for code, strings in texts.items():
            if page.get_translation_or_none(Locale.objects.get(language_code=code)) is not None:
                continue  # idempotent: an existing translation is left as the office edited it
            translated.append(translate_page(page, code, strings, publish=True))
    return translated
