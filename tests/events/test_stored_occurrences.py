"""Stored occurrences: kept in step with the activities, read by the calendar and the screens,
and giving exactly what expanding the rules gives."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import call_command

from events import occurrences
from events.api import expanded_calendar_items
from events.models import EventOccurrence, EventOccurrenceOverride, OccurrenceWindow
from events.queries import public_events
from events.ranges import stored_calendar_items
from events.recurrence import aware, midnight
from screens.feed import upcoming_events
from tests.events.conftest import lima

URL = "/api/v2/calendar/"


def stored_starts(page):
    return list(EventOccurrence.objects.filter(event=page).order_by("start").values_list("start", "status"))


def window_bounds(first, last):
    return midnight(first), midnight(last + dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (dt.date(2026, 6, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 6, 24), dt.date(2026, 6, 24)),
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        (dt.date(2025, 6, 20), dt.date(2026, 6, 19)),
    ],
)
def test_stored_rows_give_what_expanding_the_rules_gives(june, first, last):
    events = public_events()
    range_start, range_end = window_bounds(first, last)
    stored = stored_calendar_items(events, aware(range_start), aware(range_end))
    assert stored is not None, "the window should cover this range"
    assert stored == expanded_calendar_items(events, range_start, range_end)
    assert stored, "the fixture has occurrences in every range tested"


def test_the_api_answers_the_same_with_and_without_the_window(client, june):
    params = {"from": "2026-06-01", "to": "2026-07-31"}
    with_window = client.get(URL, params)
    OccurrenceWindow.objects.all().delete()  # nothing covered: every rule is expanded per request
    cache.clear()
    without = client.get(URL, params)
    assert with_window.status_code == without.status_code == 200
    assert with_window.content == without.content


def test_a_range_outside_the_window_is_expanded(client, june):
    window = OccurrenceWindow.objects.get()
    outside = (window.end + dt.timedelta(days=400)).date()
    response = client.get(URL, {"from": f"{outside.year}-06-01", "to": f"{outside.year}-06-30"})
    titles = [item["title"] for item in response.json()["items"]]
    assert "Inti Raymi" in titles and "Día del Campesino" in titles


def test_rows_follow_publishing_override_changes_and_deletion(make_event, frozen):
    page = make_event(
        title="Izamiento", start=lima(2026, 7, 5, 8), end=lima(2026, 7, 5, 9), recurrence="FREQ=WEEKLY;COUNT=3"
    )
    assert [start for start, _status in stored_starts(page)] == [
        lima(2026, 7, 5, 8),
        lima(2026, 7, 12, 8),
        lima(2026, 7, 19, 8),
    ]
    # A new revision with an override, published as the Director's approval does.
    page.occurrence_overrides = [EventOccurrenceOverride(original_start=lima(2026, 7, 12, 8), status="cancelado")]
    page.save_revision().publish()
    assert [status for _start, status in stored_starts(page)] == ["programado", "cancelado", "programado"]
    # An override saved on its own (not through the page) refreshes the rows too.
    override = page.occurrence_overrides.get()
    override.status, override.new_start = "reprogramado", lima(2026, 7, 13, 10)
    override.save()
    assert stored_starts(page)[1] == (lima(2026, 7, 13, 10), "reprogramado")
    # A draft revision changes nothing public, so nothing stored.
    page.title = "Izamiento (borrador)"
    page.recurrence = "FREQ=WEEKLY;COUNT=5"
    page.save_revision()
    assert len(stored_starts(page)) == 3
    page_id = page.pk
    page.delete()
    assert not EventOccurrence.objects.filter(event_id=page_id).exists()


def test_the_worker_moves_the_window_on(make_event, frozen):
    page = make_event(title="Semanal", start=lima(2026, 6, 7, 8), end=lima(2026, 6, 7, 9), recurrence="FREQ=WEEKLY")
    OccurrenceWindow.objects.update(
        start=aware(midnight(dt.date(2026, 1, 1))), end=aware(midnight(dt.date(2026, 7, 1)))
    )
    EventOccurrence.objects.filter(event=page, start__gte=lima(2026, 7, 1)).delete()
    assert occurrences.extend_window() > 0
    window = OccurrenceWindow.objects.get()
    assert window.end == occurrences.wanted_window()[1]
    assert window.end - frozen > dt.timedelta(days=occurrences.horizon_days())
    last = EventOccurrence.objects.filter(event=page).order_by("-start").values_list("start", flat=True).first()
    assert last > window.end - dt.timedelta(days=8)
    assert occurrences.extend_window() == 0  # nothing to do until time passes


def test_the_worker_tick_runs_the_window_job(settings):
    assert "events.occurrences.extend_window" in settings.WORKER_JOBS


def test_the_calendar_reads_a_year_in_the_same_queries_as_a_day(client, june, django_assert_max_num_queries):
    # At most: the content generation, view restrictions, the window, the rows, and Wagtail's site
    # root paths for the links (kept in the cache this test clears).
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with django_assert_max_num_queries(6), CaptureQueriesContext(connection) as day_queries:
        day = client.get(URL, {"from": "2026-06-24", "to": "2026-06-24"})
    assert day.json()["meta"]["total_count"] == 3
    cache.clear()
    with CaptureQueriesContext(connection) as year_queries:
        response = client.get(URL, {"from": "2026-01-01", "to": "2026-12-31"})
    assert response.json()["meta"]["total_count"] > 50
    assert len(year_queries) == len(day_queries)


def test_screens_read_the_same_from_stored_rows_as_from_expansion(june, make_event):
    from events.models import CivicEventPage

    CivicEventPage.objects.update(show_on_screens=True)
    make_event(title="Diario", start=lima(2026, 6, 19, 9), end=lima(2026, 6, 19, 10), recurrence="FREQ=DAILY")
    now = lima(2026, 6, 20, 12)
    CivicEventPage.objects.update(show_on_screens=True)
    stored = upcoming_events(now, 20)
    OccurrenceWindow.objects.all().delete()
    assert stored == upcoming_events(now, 20)
    headlines = [slide["headline"] for slide in stored]
    assert headlines[0] == "Semana Jubilar" and "Diario" in headlines


def test_seed_bench_stores_the_occurrences_of_the_activities_it_creates(db):
    call_command("seed_bench", news=10, events=20, speeches=0, bulletins=0, images=1, no_index=True, json=True)
    window = OccurrenceWindow.objects.get()
    events = public_events()
    range_start, range_end = midnight(window.start.date()), midnight(window.end.date())
    stored = stored_calendar_items(events, aware(range_start), aware(range_end))
    assert len(stored) >= 20
    assert stored == expanded_calendar_items(events, range_start, range_end)
