"""Recurring activities on the screens: the next occurrence shows, with cancellations and moves."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventOccurrenceOverride
from tests.factories import CivicEventPageFactory, ScreenFactory, publish
from tests.screens.conftest import LIMA, feed_url

pytestmark = pytest.mark.django_db

# The frozen clock is Wednesday 24 June 2026, 10:00 in Lima; the window runs to 1 July 00:00.
FIRST_SUNDAY = datetime.datetime(2026, 6, 7, 8, 0, tzinfo=LIMA)
NEXT_SUNDAY = datetime.datetime(2026, 6, 28, 8, 0, tzinfo=LIMA)
UTC = datetime.UTC


def flag_raising(site_tree, overrides=(), title="Izamiento dominical", **fields):
    """Every Sunday at 08:00 since 7 June: its own start/end lie weeks in the past."""
    page = CivicEventPageFactory(
        parent=site_tree["sections"]["events.EventIndexPage"],
        live=False,
        title=title,
        start=FIRST_SUNDAY,
        end=FIRST_SUNDAY + datetime.timedelta(hours=1),
        recurrence="FREQ=WEEKLY;BYDAY=SU",
        show_on_screens=True,
        **fields,
    )
    page.occurrence_overrides = [EventOccurrenceOverride(**override) for override in overrides]
    page.save()
    return publish(page)


def event_slides(client, screen):
    response = client.get(feed_url(screen))
    assert response.status_code == 200, response.content
    return [slide for slide in response.json()["slides"] if slide["type"] == "event"]


def test_weekly_activity_shows_its_next_occurrence_of_the_week(client, clock, site_tree):
    screen = ScreenFactory(show_news=False)
    page = flag_raising(site_tree)

    assert event_slides(client, screen) == [
        {
            "type": "event",
            "id": page.pk,
            "headline": "Izamiento dominical",
            "start": NEXT_SUNDAY.astimezone(UTC).isoformat(),
            "end": (NEXT_SUNDAY + datetime.timedelta(hours=1)).astimezone(UTC).isoformat(),
            "all_day": False,
            "place": "Plaza de Armas del Cusco",
            "status": "programado",
            "status_label": "Programado",
            "status_reason": "",
            "locale": "es",
        }
    ]


def test_a_cancelled_occurrence_is_skipped(client, clock, site_tree):
    screen = ScreenFactory(show_news=False)
    flag_raising(site_tree, overrides=[{"original_start": NEXT_SUNDAY, "status": "cancelado", "reason": "Lluvias"}])

    # The next one (5 July) is past the week's window: nothing to announce.
    assert event_slides(client, screen) == []


def test_a_daily_activity_shows_once_with_its_ongoing_or_next_occurrence(client, clock, site_tree):
    screen = ScreenFactory(show_news=False)
    start = datetime.datetime(2026, 6, 1, 9, 30, tzinfo=LIMA)
    page = publish(
        CivicEventPageFactory(
            parent=site_tree["sections"]["events.EventIndexPage"],
            live=False,
            start=start,
            end=start + datetime.timedelta(hours=1),
            recurrence="FREQ=DAILY",
            show_on_screens=True,
        )
    )

    slides = event_slides(client, screen)

    today = datetime.datetime(2026, 6, 24, 9, 30, tzinfo=LIMA)  # ongoing at 10:00
    assert [(s["id"], s["start"]) for s in slides] == [(page.pk, today.astimezone(UTC).isoformat())]


def test_a_rescheduled_occurrence_shows_at_its_new_time(client, clock, site_tree):
    screen = ScreenFactory(show_news=False)
    saturday = datetime.datetime(2026, 6, 27, 16, 0, tzinfo=LIMA)
    page = flag_raising(
        site_tree,
        overrides=[
            {
                "original_start": NEXT_SUNDAY,
                "status": "reprogramado",
                "new_start": saturday,
                "reason": "Visita oficial el domingo",
            }
        ],
    )

    [slide] = event_slides(client, screen)

    assert slide["id"] == page.pk
    assert slide["start"] == saturday.astimezone(UTC).isoformat()
    assert slide["end"] == (saturday + datetime.timedelta(hours=1)).astimezone(UTC).isoformat()
    assert (slide["status"], slide["status_label"], slide["status_reason"]) == (
        "reprogramado",
        "Reprogramado",
        "Visita oficial el domingo",
    )


def test_recurring_activities_cost_the_same_queries_whatever_their_number(client, clock, site_tree):
    def queries_for(screen):
        client.get(feed_url(screen))  # the first poll also records "last seen"
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(feed_url(screen)).status_code == 200
        return len(captured)

    screen = ScreenFactory(show_news=False, items=30)
    flag_raising(site_tree)
    one = queries_for(screen)
    for week in range(4):
        flag_raising(
            site_tree,
            title=f"Izamiento {week}",
            slug=f"izamiento-{week}",
            overrides=[{"original_start": NEXT_SUNDAY, "status": "postergado", "reason": str(week)}],
        )

    assert len(event_slides(client, screen)) == 5
    assert queries_for(screen) == one
