"""GET /api/v2/calendar.ics: RFC 5545 feed, parsed back with icalendar and compared with the JSON."""

import datetime as dt

import pytest
from django.core.cache import cache
from icalendar import Calendar

from events.recurrence import LIMA
from tests.events.conftest import SECRET, lima
from tests.events.ics_expand import expand
from tests.factories import publish

URL = "/api/v2/calendar.ics"


def feed(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response


def vevents(response):
    return Calendar.from_ical(response.content).walk("VEVENT")


def json_occurrences(client, first, last):
    items = client.get("/api/v2/calendar/", {"from": first.isoformat(), "to": last.isoformat()}).json()["items"]
    return [
        (f"event-{item['event_id']}@cusco.gob.pe", item["start"], item["end"], item["status"] == "cancelado")
        for item in items
    ]


@pytest.mark.parametrize(
    "first,last",
    [
        (dt.date(2026, 6, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 6, 20), dt.date(2026, 6, 20)),
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (dt.date(2027, 1, 1), dt.date(2027, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    ],
)
def test_ics_expanded_by_a_client_gives_the_same_occurrences_as_the_json(client, june, make_event, first, last):
    make_event(
        title="Campaña de verano",
        start=lima(2026, 1, 5),
        end=lima(2026, 1, 6),
        all_day=True,
        recurrence="FREQ=WEEKLY;UNTIL=20260302",
        exception_dates="2026-01-19",
        overrides=[
            {"original_start": lima(2026, 2, 2), "status": "postergado", "new_start": lima(2026, 2, 4)},
            {"original_start": lima(2026, 2, 9), "status": "cancelado", "reason": "Carnavales"},
        ],
    )
    make_event(
        title="Ronda semanal",
        start=lima(2026, 1, 7, 19),
        end=lima(2026, 1, 7, 21),
        recurrence="FREQ=WEEKLY;UNTIL=20260304",
    )
    from_json = json_occurrences(client, first, last)
    assert from_json, "the range must contain occurrences for the comparison to mean something"
    assert expand(feed(client).content, first, last) == from_json


def test_feed_structure(client, june, settings):
    response = feed(client)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/Lima"]
    events = calendar.walk("VEVENT")
    masters = {str(e["UID"]): e for e in events if "RECURRENCE-ID" not in e}
    expected = {key for key in june if key != "hidden"}
    assert set(masters) == {f"event-{june[key].pk}@cusco.gob.pe" for key in expected}
    for component in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "URL", "LOCATION", "STATUS"):
            assert name in component, (name, component)

    inti = masters[f"event-{june['inti'].pk}@cusco.gob.pe"]
    assert inti["RRULE"].to_ical() == b"FREQ=YEARLY"
    assert inti.decoded("DTSTART") == lima(2024, 6, 24, 9)
    assert inti["DTSTART"].params["TZID"] == "America/Lima"
    assert str(inti["LOCATION"]) == "Explanada de Sacsayhuamán, Parque Arqueológico de Saqsaywaman, Cusco"
    assert str(inti["URL"]) == f"{settings.WEBSITE_URL}/calendario-civico/{june['inti'].slug}/"
    assert str(inti["DESCRIPTION"]) == "Escenificación de la Fiesta del Sol."

    campesino = masters[f"event-{june['campesino'].pk}@cusco.gob.pe"]
    assert campesino["DTSTART"].to_ical() == b"20240624" and campesino["DTSTART"].params["VALUE"] == "DATE"
    assert campesino.decoded("DTEND") == dt.date(2024, 6, 25)

    festival = masters[f"event-{june['festival'].pk}@cusco.gob.pe"]
    assert str(festival["STATUS"]) == "CANCELLED"
    assert str(festival["DESCRIPTION"]).startswith("Cancelado: Duelo provincial")


def test_exdate_and_overrides_of_the_weekly_flag_raising(client, june):
    uid = f"event-{june['izamiento'].pk}@cusco.gob.pe"
    mine = [e for e in vevents(feed(client)) if str(e["UID"]) == uid]
    master = next(e for e in mine if "RECURRENCE-ID" not in e)
    assert master["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=SU"
    assert [d.dt for d in master["EXDATE"].dts] == [lima(2026, 5, 31, 8)]
    changed = {e.decoded("RECURRENCE-ID"): e for e in mine if "RECURRENCE-ID" in e}
    assert set(changed) == {lima(2026, 6, 7, 8), lima(2026, 6, 14, 8)}
    cancelled, moved = changed[lima(2026, 6, 7, 8)], changed[lima(2026, 6, 14, 8)]
    assert str(cancelled["STATUS"]) == "CANCELLED" and "Corpus Christi" in str(cancelled["DESCRIPTION"])
    assert str(moved["STATUS"]) == "CONFIRMED"
    assert (moved.decoded("DTSTART"), moved.decoded("DTEND")) == (lima(2026, 6, 13, 10), lima(2026, 6, 13, 11))
    assert str(moved["DESCRIPTION"]).startswith("Reprogramado: Maratón del Cusco")


def test_no_internal_notes_drafts_or_private_activities_in_the_feed(client, june):
    body = feed(client).content.decode()
    assert SECRET not in body
    for title in ("Borrador", "Reunión privada", "Retirada"):
        assert title not in body


def test_uid_is_stable_and_sequence_grows_with_each_publish(client, june, django_capture_on_commit_callbacks):
    uid = f"event-{june['session'].pk}@cusco.gob.pe"

    def session():
        return next(e for e in vevents(feed(client)) if str(e["UID"]) == uid)

    assert session()["SEQUENCE"] == 0
    page = june["session"]
    page.start, page.end = lima(2026, 6, 23, 17), lima(2026, 6, 23, 19)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()  # a draft changes nothing public
    assert session()["SEQUENCE"] == 0
    with django_capture_on_commit_callbacks(execute=True):  # the cache generation moves on commit
        publish(page)
    assert session()["SEQUENCE"] == 1
    assert session().decoded("DTSTART") == dt.datetime(2026, 6, 23, 17, tzinfo=LIMA)
    assert session().decoded("DTSTAMP") == page.last_published_at


def test_type_filter_and_bad_input(client, june):
    sessions = vevents(feed(client, type="sesion_solemne"))
    assert [str(e["SUMMARY"]) for e in sessions] == ["Sesión Solemne"]
    for params, fragment in [({"type": "desfile"}, "Unknown type"), ({"from": "2026-01-01"}, "Unknown query")]:
        response = client.get(URL, params)
        assert response.status_code == 400
        assert fragment in response.json()["message"]


def test_etag_and_304(client, june, django_capture_on_commit_callbacks):
    first = feed(client)
    assert "public" in first["Cache-Control"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert feed(client, type="campana")["ETag"] != first["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        june["press"].unpublish()
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_query_count_is_fixed(client, june, make_event, django_assert_max_num_queries):
    feed(client)
    for day in range(1, 11):
        make_event(
            title=f"Actividad {day}",
            start=lima(2026, 7, day, 9),
            end=lima(2026, 7, day, 10),
            recurrence="FREQ=YEARLY",
            overrides=[{"original_start": lima(2027, 7, day, 9), "status": "cancelado"}],
        )
    cache.clear()  # measure building the feed; the content generation is read again: 2 queries
    with django_assert_max_num_queries(6):
        assert len(vevents(feed(client))) == 7 + 2 + 10 * 2
