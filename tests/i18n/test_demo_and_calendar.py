"""seed_demo's press note and activity in es, qu and en: each locale's API, RSS, calendar and ICS."""

import io

import feedparser
from django.core.management import call_command
from django.test import override_settings
from icalendar import Calendar

from cms.demo_translations import ACTIVITY, PRESS_NOTE

NOTE_ES = "Coordinación con gobiernos locales y la región para el Inti Raymi"
ACTIVITY_ES = "Inti Raymi, Fiesta del Sol"
PLACE_ES = "Explanada de Sacsayhuamán"


def expected(code, texts, spanish):
    return spanish if code == "es" else texts[code][spanish]


@override_settings(DEBUG=True)
def test_demo_press_note_and_activity_in_three_languages(db, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())
    for code in ("es", "qu", "en"):
        titles = [
            i["title"] for i in client.get("/api/v2/pages/", {"type": "news.NewsPage", "locale": code}).json()["items"]
        ]
        assert expected(code, PRESS_NOTE, NOTE_ES) in titles
        feed = feedparser.parse(client.get("/feeds/noticias/", {"locale": code}).content)
        assert expected(code, PRESS_NOTE, NOTE_ES) in [entry.title for entry in feed.entries]

        ics = Calendar.from_ical(client.get("/api/v2/calendar.ics", {"locale": code}).content)
        events = {str(e["SUMMARY"]): str(e.get("LOCATION", "")) for e in ics.walk("VEVENT")}
        title = expected(code, ACTIVITY, ACTIVITY_ES)
        assert title in events, sorted(events)
        assert events[title].startswith(expected(code, ACTIVITY, PLACE_ES))
        if code != "es":
            assert ACTIVITY_ES not in events  # each locale's calendar carries its own text
