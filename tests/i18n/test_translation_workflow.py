"""A press note translated into Quechua and English by a Redactor reaches the website only
through the Director's workflow (wagtail-localize + moderation), in each locale's API and RSS."""

from urllib.parse import urlencode

import feedparser
import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from moderation.translations import is_outdated
from tests.factories import NewsPageFactory
from tests.moderation.helpers import act, login

TEXTS = {
    "qu": {
        "Inti Raymi 2026: desfile en la Plaza de Armas": "Inti Raymi 2026: Plaza de Armaspi puriy",
        "La Municipalidad informa los cierres de calles.": "Kamachiq Wasim willan mayqin ñankuna wisq'asqa kanqa.",
    },
    "en": {
        "Inti Raymi 2026: desfile en la Plaza de Armas": "Inti Raymi 2026: parade in the Plaza de Armas",
        "La Municipalidad informa los cierres de calles.": "The Municipality announces the street closures.",
    },
}


@pytest.fixture
def source(site_tree, director2):
    index = site_tree["sections"]["news.NewsIndexPage"]
    page = NewsPageFactory(
        parent=index,
        title="Inti Raymi 2026: desfile en la Plaza de Armas",
        lead="La Municipalidad informa los cierres de calles.",
        live=False,
        main_image=None,
    )
    page.save_revision(user=director2).publish(user=director2)
    page.refresh_from_db()
    return page


def translate(client, source, codes):
    locales = Locale.objects.filter(language_code__in=codes)
    url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    response = client.post(url, {"locales": [locale.pk for locale in locales]})
    assert response.status_code == 302, response.content[:2000]
    return {
        t.target_locale.language_code: t for t in Translation.objects.filter(source__object_id=source.translation_key)
    }


def write_strings(client, translation, texts):
    """What the translation editor does for each string: PUT to its string API."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        value = texts.get(segment.string.data)
        if value is None:
            continue
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")
        assert response.status_code in (200, 201), response.content[:500]


def target(translation):
    return Page.objects.get(translation_key=translation.source.object_id, locale=translation.target_locale).specific


@pytest.mark.django_db
def test_redactor_translates_and_submits_director_approves(source, redactor, director, client):
    as_redactor, as_director = login(redactor), login(director)
    translations = translate(as_redactor, source, ["qu", "en"])
    assert set(translations) == {"qu", "en"}
    for code, translation in translations.items():
        page = target(translation)
        assert not page.live, "a new translation is a draft until the Director approves it"
        write_strings(as_redactor, translation, TEXTS[code])

        # The translation editor's "publish" is refused on the server to the Redactor.
        response = as_redactor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
        assert response.status_code in (302, 403)
        page.refresh_from_db()
        assert not page.live

        # The Redactor submits the translation to the Director.
        submit_url = reverse("moderation_submit_translation", args=[page.pk])
        assert as_redactor.get(submit_url).status_code == 200
        assert as_redactor.post(submit_url).status_code == 302
        page.refresh_from_db()
        assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
        assert not page.live

        assert act(as_director, page, "approve").status_code == 302
        page = type(page).objects.get(pk=page.pk)
        assert page.live and page.title == TEXTS[code][source.title]
        assert page.lead == TEXTS[code][source.lead]

    # Each locale's API and RSS show its own text.
    for code in ("es", "qu", "en"):
        expected = source.title if code == "es" else TEXTS[code][source.title]
        body = client.get("/api/v2/pages/", {"type": "news.NewsPage", "locale": code}).json()
        assert [item["title"] for item in body["items"]] == [expected]
        feed = feedparser.parse(client.get("/feeds/noticias/", {"locale": code}).content)
        assert feed.feed.language == code
        assert [entry.title for entry in feed.entries] == [expected]


@pytest.mark.django_db
def test_director_cannot_publish_a_translation_directly_either(source, redactor, director):
    translation = translate(login(redactor), source, ["qu"])["qu"]
    page = target(translation)
    login(director).post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page.refresh_from_db()
    assert not page.live


@pytest.mark.django_db
def test_feed_refuses_an_unknown_locale(site_tree, client):
    response = client.get("/feeds/noticias/", {"locale": "fr"})
    assert response.status_code == 400 and "locale" in response.json()["message"]


@pytest.mark.django_db
def test_bootstrap_creates_the_locales_and_their_trees_once(site_tree):
    from cms.bootstrap import bootstrap

    bootstrap()  # idempotent
    for code in ("qu", "en"):
        locale = Locale.objects.get(language_code=code)
        assert Page.objects.filter(locale=locale, depth=2).count() == 1
        assert Page.objects.filter(locale=locale, depth=3, live=True).count() == len(site_tree["sections"])
    assert Locale.objects.get(language_code="qu").get_display_name() == "Runa Simi"


def approve_translation(redactor, director, translation, texts):
    as_redactor = login(redactor)
    write_strings(as_redactor, translation, texts)
    page = target(translation)
    as_redactor.post(reverse("moderation_submit_translation", args=[page.pk]))
    assert act(login(director), page, "approve").status_code == 302
    return type(page).objects.get(pk=page.pk)


@pytest.mark.django_db
def test_api_lists_public_translations_and_flags_outdated_ones(
    source, redactor, director, director2, client, django_capture_on_commit_callbacks
):
    translations = translate(login(redactor), source, ["qu", "en"])
    quechua = approve_translation(redactor, director, translations["qu"], TEXTS["qu"])
    english = target(translations["en"])  # still a draft: not listed

    detail = client.get(f"/api/v2/pages/{source.pk}/").json()
    assert detail["meta"]["translations"] == [
        {
            "locale": "qu",
            "id": quechua.pk,
            "html_url": "http://localhost:3000/qu/notas-de-prensa/" + quechua.slug + "/",
            "outdated": False,
        }
    ]
    assert english.pk not in [t["id"] for t in detail["meta"]["translations"]]
    back = client.get(f"/api/v2/pages/{quechua.pk}/").json()["meta"]["translations"]
    assert [(t["locale"], t["id"]) for t in back] == [("es", source.pk)]

    # The Spanish source changes after the sync: the Quechua translation is "desactualizada".
    source.lead = "La Municipalidad informa los nuevos cierres de calles."
    with django_capture_on_commit_callbacks(execute=True):  # the API cache's generation moves on commit
        source.save_revision(user=director2).publish(user=director2)
    detail = client.get(f"/api/v2/pages/{source.pk}/").json()
    assert detail["meta"]["translations"][0]["outdated"] is True


ACTIVITY_TEXTS = {
    "qu": {"Inti Raymi, Fiesta del Sol": "Inti Raymi, Intiq Raymin", "Explanada de Sacsayhuamán": "Saqsaywaman pampa"},
    "en": {
        "Inti Raymi, Fiesta del Sol": "Inti Raymi, Festival of the Sun",
        "Explanada de Sacsayhuamán": "Sacsayhuamán esplanade",
    },
}


@pytest.mark.django_db
def test_a_translated_activity_reaches_each_locale_ics_through_the_workflow(
    site_tree, redactor, director, director2, client
):
    import datetime as dt

    from icalendar import Calendar

    from events.recurrence import LIMA
    from tests.factories import CivicEventPageFactory

    start = dt.datetime(2026, 6, 24, 9, tzinfo=LIMA)
    activity = CivicEventPageFactory(
        parent=site_tree["sections"]["events.EventIndexPage"],
        title="Inti Raymi, Fiesta del Sol",
        place="Explanada de Sacsayhuamán",
        address="",
        start=start,
        end=start + dt.timedelta(hours=8),
        live=False,
    )
    activity.save_revision(user=director2).publish(user=director2)
    activity.refresh_from_db()
    translations = translate(login(redactor), activity, ["qu", "en"])
    for code, translation in translations.items():
        page = approve_translation(redactor, director, translation, ACTIVITY_TEXTS[code])
        assert page.live
    for code in ("es", "qu", "en"):
        ics = Calendar.from_ical(client.get("/api/v2/calendar.ics", {"locale": code}).content)
        [event] = ics.walk("VEVENT")
        texts = ACTIVITY_TEXTS.get(code, {})
        assert str(event["SUMMARY"]) == texts.get(activity.title, activity.title)
        assert str(event["LOCATION"]) == texts.get(activity.place, activity.place)


@pytest.mark.django_db
def test_a_redactor_cannot_publish_a_translation_by_any_admin_route(source, redactor, director2):
    """wagtail-localize's editor (action=publish), Wagtail's editor (action-publish), the bulk
    publish action and "sync translated pages" with its publish option: all refused on the server."""
    as_redactor = login(redactor)
    translation = translate(as_redactor, source, ["qu"])["qu"]
    write_strings(as_redactor, translation, TEXTS["qu"])
    page = target(translation)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    as_redactor.post(edit_url, {"action": "publish"})
    as_redactor.post(edit_url, {"action-publish": "action-publish", "title": "x", "slug": page.slug})
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    as_redactor.post(f"{bulk}?id={page.pk}", {})
    # The source changes, and the Redactor syncs asking to publish the translations.
    source.lead = "Nuevos cierres."
    source.save_revision(user=director2).publish(user=director2)
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert as_redactor.post(sync_url, {"publish_translations": "on"}).status_code == 302
    page = type(page).objects.get(pk=page.pk)
    assert not page.live and page.live_revision is None
    translation.refresh_from_db()
    translation.source.refresh_from_db()
    assert not is_outdated(translation)  # the sync itself happened; publishing stays with the Director
