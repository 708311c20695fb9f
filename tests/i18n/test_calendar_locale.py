"""The calendar and its ICS per language: the activity's translated title and place; an activity
without a public translation stays in Spanish, and says so (``locale`` / LANGUAGE=es)."""

import datetime as dt

import pytest
from icalendar import Calendar

from cms.localize import translate_page
from events.recurrence import LIMA
from tests.factories import CivicEventPageFactory, publish

pytestmark = pytest.mark.django_db

INTI = "Inti Raymi, Fiesta del Sol"
PLACE = "Explanada de Sacsayhuamán"
TEXTS = {
    "qu": {INTI: "Inti Raymi, Intiq Raymin", PLACE: "Saqsaywaman pampa"},
    "en": {INTI: "Inti Raymi, Festival of the Sun", PLACE: "Sacsayhuamán esplanade"},
}
CORPUS = "Corpus Christi"


@pytest.fixture
def activities(site_tree, time_machine, django_capture_on_commit_callbacks):
    time_machine.move_to(dt.datetime(2026, 6, 20, 12, tzinfo=LIMA), tick=False)
    index = site_tree["sections"]["events.EventIndexPage"]
    start = dt.datetime(2024, 6, 24, 9, tzinfo=LIMA)
    inti = publish(
        CivicEventPageFactory(
            parent=index,
            title=INTI,
            place=PLACE,
            address="",
            start=start,
            end=start + dt.timedelta(hours=8),
            recurrence="FREQ=YEARLY",
            live=False,
        )
    )
    corpus_start = dt.datetime(2026, 6, 4, 10, tzinfo=LIMA)
    corpus = publish(
        CivicEventPageFactory(
            parent=index,
            title=CORPUS,
            place="Catedral del Cusco",
            address="",
            start=corpus_start,
            end=corpus_start + dt.timedelta(hours=3),
            live=False,
        )
    )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translated = {code: translate_page(inti, code, TEXTS[code], publish=True) for code in ("qu", "en")}
    return {"inti": inti, "corpus": corpus, **translated}


@pytest.mark.parametrize("days", [("2026-06-01", "2026-06-30"), ("2030-06-01", "2030-06-30")])
def test_calendar_in_each_language_with_a_spanish_fallback(client, activities, days):
    """June 2026 is read from the stored occurrences; June 2030 is expanded from the rules."""
    first, last = days
    for code in ("es", "qu", "en"):
        body = client.get("/api/v2/calendar/", {"from": first, "to": last, "locale": code}).json()
        assert body["meta"]["locale"] == code
        items = {item["title"]: item for item in body["items"]}
        title = INTI if code == "es" else TEXTS[code][INTI]
        assert items[title]["place"] == (PLACE if code == "es" else TEXTS[code][PLACE])
        assert items[title]["locale"] == code
        assert items[title]["event_id"] == activities[code if code != "es" else "inti"].pk
        if code != "es":
            assert INTI not in items  # never both languages of one activity
            assert items[title]["url"].startswith(f"http://localhost:3000/{code}/")
        if first.startswith("2026"):
            assert items[CORPUS]["locale"] == "es"  # no translation: Spanish, saying so


def test_ics_in_each_language_says_the_language_of_each_activity(client, activities):
    for code in ("es", "qu", "en"):
        response = client.get("/api/v2/calendar.ics", {"locale": code})
        assert response.status_code == 200
        events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}
        title = INTI if code == "es" else TEXTS[code][INTI]
        assert set(events) == {title, CORPUS}
        assert str(events[title]["LOCATION"]) == (PLACE if code == "es" else TEXTS[code][PLACE])
        if code == "es":
            assert "LANGUAGE" not in events[title]["SUMMARY"].params  # the Spanish feed is unchanged
        else:
            assert events[title]["SUMMARY"].params["LANGUAGE"] == code
            assert events[title]["LOCATION"].params["LANGUAGE"] == code
            assert events[CORPUS]["SUMMARY"].params["LANGUAGE"] == "es"


def test_an_unpublished_translation_falls_back_to_spanish(client, activities, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = activities["qu"]
        type(page).objects.get(pk=page.pk).unpublish()
    body = client.get("/api/v2/calendar/", {"from": "2026-06-24", "to": "2026-06-24", "locale": "qu"}).json()
    assert [(item["title"], item["locale"]) for item in body["items"]] == [(INTI, "es")]
