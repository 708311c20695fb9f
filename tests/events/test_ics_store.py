"""The ICS feed from stored per-activity text (events.ics_store) says exactly what rendering every
activity with icalendar says, follows publishes, overrides and moves, and reads a fixed number of queries."""

import pytest
from django.core.cache import cache

from events import ics, ics_store
from events.links import PublicUrls, public_url
from events.models import CivicEventPage, EventIcsText, EventOccurrenceOverride
from events.queries import public_events, with_publish_count
from tests.events.conftest import lima
from tests.factories import publish

URL = "/api/v2/calendar.ics"


def rendered_in_full():
    """The feed as built before the stored text: every activity's components rendered by icalendar."""
    rows = with_publish_count(public_events()).prefetch_related("occurrence_overrides").order_by("pk")
    return ics.build_calendar(rows.iterator(chunk_size=2))


def served(client):
    cache.clear()
    response = client.get(URL)
    assert response.status_code == 200
    return response.content


def test_stored_feed_is_byte_for_byte_the_rendered_one(client, june, make_event):
    make_event(
        title="Actividad con un nombre muy largo para que la dirección web pase de setenta y cinco octetos",
        slug="actividad-con-un-nombre-muy-largo-para-que-la-direccion-web-pase-de-setenta-y-cinco-octetos",
        start=lima(2026, 7, 1, 9),
        end=lima(2026, 7, 1, 10),
    )
    make_event(title="Año Nuevo Andino", slug="año-nuevo-andino", start=lima(2026, 6, 21, 6), end=lima(2026, 6, 21, 8))
    assert EventIcsText.objects.count() == CivicEventPage.objects.count()
    body = served(client)
    assert body == rendered_in_full()
    assert b"URL:http" in body and b"%C3%B1o-nuevo-andino/" in body
    assert ics_store.SEQUENCE_LINE.encode() not in body and ics_store.URL_PLACEHOLDER.encode() not in body


def test_public_urls_equal_wagtails(june, make_event, events_index):
    nested = make_event(title="Ñusta", slug="ñusta", start=lima(2026, 7, 1, 9), end=lima(2026, 7, 1, 10))
    urls = PublicUrls(CivicEventPage)
    pages = [*CivicEventPage.objects.all(), nested, events_index]
    for page in pages:
        assert urls(page.url_path) == public_url(page), page.url_path
    assert urls("/") == public_url(CivicEventPage(url_path="/"))  # the tree root: not routable


def test_a_publish_an_override_and_a_move_show_at_once(client, june, make_event, events_index, site_tree):
    inti = june["inti"]
    before = served(client)
    inti.title = "Inti Raymi 2026"
    publish(inti)
    assert b"SUMMARY:Inti Raymi 2026" in served(client)
    assert served(client) == rendered_in_full()
    EventOccurrenceOverride.objects.create(
        event=inti, original_start=lima(2026, 6, 24, 9), status="cancelado", reason="Lluvias"
    )
    after_override = served(client)
    assert b"Lluvias" in after_override and after_override == rendered_in_full()
    # A move changes the URL without saving the activity's row through store_event.
    other = site_tree["sections"]["news.NewsIndexPage"]
    inti.move(other, pos="last-child")
    moved = served(client)
    assert moved == rendered_in_full() and moved != before


def test_a_stale_or_missing_row_is_rendered_again(client, june):
    EventIcsText.objects.filter(event=june["inti"]).update(body="BROKEN", version=0)
    EventIcsText.objects.filter(event=june["jubilar"]).delete()
    assert served(client) == rendered_in_full()
    assert ics_store.store_missing() == 2
    assert set(EventIcsText.objects.values_list("version", flat=True)) == {ics_store.VERSION}


@pytest.mark.parametrize("extra", [1, 12])
def test_query_count_does_not_grow_with_activities(client, june, make_event, django_assert_num_queries, extra):
    for day in range(1, extra + 1):
        make_event(
            title=f"Actividad {day}",
            start=lima(2026, 7, day, 9),
            end=lima(2026, 7, day, 10),
            recurrence="FREQ=YEARLY",
            overrides=[{"original_start": lima(2027, 7, day, 9), "status": "cancelado"}],
        )
    cache.clear()
    # content generation, Wagtail's site root paths (2), the stored text (1)
    with django_assert_num_queries(QUERIES):
        assert client.get(URL).status_code == 200


QUERIES = 4


def test_a_cache_buster_is_ignored_as_by_the_pages_api(client, june):
    plain = served(client)
    assert client.get(URL, {"_": "1700000000"}).content == plain
    month = client.get("/api/v2/calendar/", {"from": "2026-06-01", "to": "2026-06-30", "_": "x"})
    assert month.status_code == 200 and month.json()["items"]
    assert client.get(URL, {"sorpresa": "1"}).status_code == 400
