"""Screens with a chosen language: each slide in the screen's language when its page has a public
translation, in Spanish otherwise, and every slide says which."""

import datetime

import pytest
import time_machine
from django.core.cache import cache

from cms.localize import translate_page
from screens.models import Screen
from tests.factories import CivicEventPageFactory, NewsPageFactory, ScreenFactory, publish
from tests.screens.conftest import LIMA, WEDNESDAY_10AM, feed_url

pytestmark = pytest.mark.django_db

NOTE = "Cierre de calles por el Inti Raymi"
NOTE_QU = "Inti Raymipaq ñankuna wisq'asqa"
UNTRANSLATED = "Vacunación canina en San Sebastián"
ACTIVITY = "Izamiento del pabellón"
PLACE = "Plaza de Armas del Cusco"
ACTIVITY_QU = "Unanchata hoqariy"
PLACE_QU = "Hawkaypata"


@pytest.fixture
def clock():
    with time_machine.travel(WEDNESDAY_10AM, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def content(site_tree, django_capture_on_commit_callbacks):
    sections = site_tree["sections"]
    note = publish(
        NewsPageFactory(
            parent=sections["news.NewsIndexPage"],
            title=NOTE,
            show_on_screens=True,
            live=False,
            date=WEDNESDAY_10AM - datetime.timedelta(hours=1),
        )
    )
    plain = publish(
        NewsPageFactory(
            parent=sections["news.NewsIndexPage"],
            title=UNTRANSLATED,
            show_on_screens=True,
            live=False,
            date=WEDNESDAY_10AM - datetime.timedelta(hours=2),
        )
    )
    start = datetime.datetime(2026, 6, 25, 8, 0, tzinfo=LIMA)
    activity = publish(
        CivicEventPageFactory(
            parent=sections["events.EventIndexPage"],
            title=ACTIVITY,
            place=PLACE,
            start=start,
            end=start + datetime.timedelta(hours=1),
            show_on_screens=True,
            live=False,
        )
    )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        note_qu = translate_page(note, "qu", {NOTE: NOTE_QU}, publish=True)
        activity_qu = translate_page(activity, "qu", {ACTIVITY: ACTIVITY_QU, PLACE: PLACE_QU}, publish=True)
        translate_page(note, "en", {NOTE: "Street closures for Inti Raymi"}, publish=False)  # a draft: not shown
    assert note_qu.__class__.objects.get(pk=note_qu.pk).live
    cache.clear()
    return {"note": note, "plain": plain, "activity": activity, "note_qu": note_qu, "activity_qu": activity_qu}


def feed(client, screen):
    response = client.get(feed_url(screen))
    assert response.status_code == 200, response.content
    return response.json()


def test_a_quechua_screen_shows_translations_and_falls_back_to_spanish_per_item(client, clock, content):
    screen = ScreenFactory(locale="qu")
    body = feed(client, screen)
    assert body["screen"]["locale"] == "qu"
    slides = {(s["type"], s["id"]): s for s in body["slides"]}
    assert slides[("news", content["note_qu"].pk)]["headline"] == NOTE_QU
    assert slides[("news", content["note_qu"].pk)]["locale"] == "qu"
    assert slides[("news", content["plain"].pk)]["headline"] == UNTRANSLATED
    assert slides[("news", content["plain"].pk)]["locale"] == "es"  # no translation: Spanish, and it says so
    event = slides[("event", content["activity_qu"].pk)]
    assert (event["headline"], event["place"], event["locale"]) == (ACTIVITY_QU, PLACE_QU, "qu")
    assert len(body["slides"]) == 3  # each item once, never both languages


def test_an_english_screen_does_not_show_a_draft_translation(client, clock, content):
    body = feed(client, ScreenFactory(locale="en"))
    assert {(s["headline"], s["locale"]) for s in body["slides"]} == {
        (NOTE, "es"),
        (UNTRANSLATED, "es"),
        (ACTIVITY, "es"),
    }


def test_a_spanish_screen_is_unchanged(client, clock, content):
    body = feed(client, ScreenFactory())
    assert body["screen"]["locale"] == "es"
    assert {(s["headline"], s["locale"]) for s in body["slides"]} == {
        (NOTE, "es"),
        (UNTRANSLATED, "es"),
        (ACTIVITY, "es"),
    }


def test_changing_the_screen_language_changes_its_cached_feed(client, clock, content):
    screen = ScreenFactory()
    assert NOTE in [s["headline"] for s in feed(client, screen)["slides"]]
    Screen.objects.filter(pk=screen.pk).update(locale="qu")
    screen.refresh_from_db()
    assert NOTE_QU in [s["headline"] for s in feed(client, screen)["slides"]]


def test_a_quechua_screen_costs_two_more_queries_than_a_spanish_one(
    client, clock, content, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    spanish, quechua = ScreenFactory(slug="es-screen"), ScreenFactory(slug="qu-screen", locale="qu")
    feed(client, spanish), feed(client, quechua)  # renditions, last_seen_at
    cache.clear()
    with CaptureQueriesContext(connection) as es_queries:
        feed(client, spanish)
    with django_assert_max_num_queries(len(es_queries) + 2):  # one per slide type, whatever the count
        feed(client, quechua)
