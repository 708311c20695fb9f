"""GET /api/v2/calendar/: occurrences in a range, only live public activities, bad input, caching."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.conftest import SECRET, lima

URL = "/api/v2/calendar/"


def get(client, **params):
    return client.get(URL, params)


def summary(response):
    assert response.status_code == 200, response.content
    return [(item["title"], item["start"], item["status"]) for item in response.json()["items"]]


def test_june_occurrences_are_expanded_sorted_and_carry_their_status(client, june):
    assert summary(get(client, **{"from": "2026-06-01", "to": "2026-06-30"})) == [
        ("Izamiento dominical", "2026-06-07T08:00:00-05:00", "cancelado"),
        ("Izamiento dominical", "2026-06-13T10:00:00-05:00", "reprogramado"),
        ("Semana Jubilar", "2026-06-18T00:00:00-05:00", "programado"),
        ("Izamiento dominical", "2026-06-21T08:00:00-05:00", "programado"),
        ("Festival suspendido", "2026-06-22T16:00:00-05:00", "cancelado"),
        ("Sesión Solemne", "2026-06-23T18:00:00-05:00", "programado"),
        ("Día del Campesino", "2026-06-24T00:00:00-05:00", "programado"),
        ("Inti Raymi", "2026-06-24T09:00:00-05:00", "programado"),
        ("Izamiento dominical", "2026-06-28T08:00:00-05:00", "programado"),
    ]


def test_each_item_has_the_contract_fields(client, june, settings):
    items = get(client, **{"from": "2026-06-24", "to": "2026-06-24"}).json()["items"]
    inti = next(item for item in items if item["title"] == "Inti Raymi")
    page = june["inti"]
    assert inti == {
        "event_id": page.pk,
        "title": "Inti Raymi",
        "start": "2026-06-24T09:00:00-05:00",
        "end": "2026-06-24T17:00:00-05:00",
        "original_start": "2026-06-24T09:00:00-05:00",
        "all_day": False,
        "status": "programado",
        "reason": "",
        "event_type": "fecha_civica",
        "event_type_label": "Fecha cívica",
        "place": "Explanada de Sacsayhuamán",
        "address": "Parque Arqueológico de Saqsaywaman, Cusco",
        "locale": "es",
        "api_url": f"http://testserver/api/v2/pages/{page.pk}/",
        "url": f"{settings.WEBSITE_URL}/calendario-civico/{page.slug}/",
    }
    campesino = next(item for item in items if item["title"] == "Día del Campesino")
    assert (campesino["all_day"], campesino["end"]) == (True, "2026-06-25T00:00:00-05:00")


def test_reasons_of_cancelled_and_rescheduled_occurrences(client, june):
    items = get(client, **{"from": "2026-06-07", "to": "2026-06-22"}).json()["items"]
    by_start = {item["start"]: item for item in items}
    assert by_start["2026-06-07T08:00:00-05:00"]["reason"] == "Corpus Christi"
    moved = by_start["2026-06-13T10:00:00-05:00"]
    assert (moved["end"], moved["original_start"], moved["reason"]) == (
        "2026-06-13T11:00:00-05:00",
        "2026-06-14T08:00:00-05:00",
        "Maratón del Cusco",
    )
    assert by_start["2026-06-22T16:00:00-05:00"]["reason"] == "Duelo provincial"
    assert "2026-06-14T08:00:00-05:00" not in by_start


def test_a_range_cutting_a_multi_day_event_includes_it(client, june):
    assert summary(get(client, **{"from": "2026-06-20", "to": "2026-06-20"})) == [
        ("Semana Jubilar", "2026-06-18T00:00:00-05:00", "programado")
    ]
    assert ("Semana Jubilar", "2026-06-18T00:00:00-05:00", "programado") in summary(
        get(client, **{"from": "2026-06-24", "to": "2026-07-05"})
    )
    assert "Semana Jubilar" not in {
        title for title, _s, _st in summary(get(client, **{"from": "2026-06-25", "to": "2026-06-30"}))
    }


def test_past_ongoing_and_future_events_and_yearly_recurrence_over_years(client, june):
    may = summary(get(client, **{"from": "2026-05-01", "to": "2026-05-31"}))
    assert ("Conferencia de prensa", "2026-05-10T11:00:00-05:00", "programado") in may
    assert "2026-05-31T08:00:00-05:00" not in {start for _t, start, _s in may}  # exception date
    for year in (2024, 2025, 2026, 2027, 2030):
        found = summary(get(client, **{"from": f"{year}-06-24", "to": f"{year}-06-24", "type": "fecha_civica"}))
        assert found == [
            ("Día del Campesino", f"{year}-06-24T00:00:00-05:00", "programado"),
            ("Inti Raymi", f"{year}-06-24T09:00:00-05:00", "programado"),
        ]
    assert summary(get(client, **{"from": "2023-06-01", "to": "2023-06-30", "type": "fecha_civica"})) == []


def test_drafts_private_and_unpublished_activities_never_appear(client, june):
    response = get(client, **{"from": "2026-06-01", "to": "2026-06-30"})
    titles = {item["title"] for item in response.json()["items"]}
    assert titles.isdisjoint({"Borrador", "Reunión privada", "Retirada"})
    assert SECRET not in response.content.decode()
    assert "protocol_notes" not in response.content.decode()


def test_filters_by_type_and_locale(client, june):
    sessions = summary(get(client, **{"from": "2026-06-01", "to": "2026-06-30", "type": "sesion_solemne"}))
    assert sessions == [("Sesión Solemne", "2026-06-23T18:00:00-05:00", "programado")]
    spanish = get(client, **{"from": "2026-06-01", "to": "2026-06-30", "locale": "es"})
    assert len(summary(spanish)) == 9
    # No activity is translated into English: the English calendar falls back to Spanish, saying so.
    english = get(client, **{"from": "2026-06-01", "to": "2026-06-30", "locale": "en"})
    assert summary(english) == summary(spanish)
    assert {item["locale"] for item in english.json()["items"]} == {"es"}


@pytest.mark.parametrize(
    "query,fragment",
    [
        ("", "'from'"),
        ("from=2026-06-01", "'to'"),
        ("from=2026-06-31&to=2026-07-01", "Invalid date"),
        ("from=20260601&to=2026-07-01", "Invalid date"),
        ("from=2026-06-01&to=junio", "Invalid date"),
        ("from=0001-01-01&to=0001-01-02", "between"),
        ("from=9999-12-30&to=9999-12-31", "between"),
        ("from=2026-07-01&to=2026-06-01", "before"),
        ("from=2026-01-01&to=2027-01-02", "366"),
        ("from=2026-01-01&to=2026-01-02&type=desfile", "Unknown type"),
        ("from=2026-01-01&to=2026-01-02&locale=fr", "Unknown locale"),
        ("from=2026-01-01&to=2026-01-02&limit=5", "Unknown query parameter"),
        ("from=2026-01-01&from=2026-01-02&to=2026-01-03", "once"),
    ],
)
def test_bad_input_gets_a_400_json_message(client, site_tree, query, fragment):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert fragment in response.json()["message"]


def test_a_full_leap_year_is_allowed(client, site_tree):
    assert get(client, **{"from": "2028-01-01", "to": "2028-12-31"}).status_code == 200


def test_writes_are_refused_with_a_json_405(client, site_tree):
    response = client.post(f"{URL}?from=2026-01-01&to=2026-01-02")
    assert response.status_code == 405
    assert "POST" in response.json()["message"]


def test_etag_cache_control_and_304(client, june, make_event, django_capture_on_commit_callbacks):
    params = {"from": "2026-06-01", "to": "2026-06-30"}
    first = get(client, **params)
    etag = first["ETag"]
    assert etag.startswith('"') and "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    again = client.get(URL, params, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag and not again.content
    assert get(client, **{"to": "2026-06-30", "from": "2026-06-01"})["ETag"] == etag
    assert get(client, **params, type="campana")["ETag"] != etag

    with django_capture_on_commit_callbacks(execute=True):  # the cache generation moves on commit
        make_event(title="Nueva actividad", start=lima(2026, 6, 26, 9), end=lima(2026, 6, 26, 10))
    fresh = client.get(URL, params, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    with django_capture_on_commit_callbacks(execute=True):
        june["session"].unpublish()
    assert client.get(URL, params, HTTP_IF_NONE_MATCH=fresh["ETag"]).status_code == 200


def test_query_count_does_not_grow_with_the_number_of_events(client, june, make_event, django_assert_max_num_queries):
    """Cost of building the response (server cache cleared before each measured request)."""
    params = {"from": "2026-06-01", "to": "2026-06-30"}
    get(client, **params)  # warm the site root paths cache, as any running server has it
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        get(client, **params)
    for day in range(1, 13):
        make_event(
            title=f"Actividad {day}",
            start=lima(2026, 6, day, 9),
            end=lima(2026, 6, day, 10),
            recurrence="FREQ=DAILY;COUNT=3",
            overrides=[{"original_start": lima(2026, 6, day + 1, 9), "status": "cancelado"}],
        )
    cache.clear()  # the API's content generation is read again too: 2 of these queries
    with django_assert_max_num_queries(6):
        response = get(client, **params)
    assert len(response.json()["items"]) == 9 + 12 * 3
    cache.clear()
    with CaptureQueriesContext(connection) as after:
        get(client, **params)
    assert len(after.captured_queries) == len(before.captured_queries)


def test_data_that_bypassed_validation_never_causes_a_500(client, june, make_event):
    from events.models import CivicEventPage

    # Written straight to the database: saving a page runs the model validation.
    endless = make_event(title="Sin fin", start=lima(2026, 6, 2, 9), end=lima(2026, 6, 2, 10))
    year_one = make_event(
        title="Año uno", start=lima(2026, 6, 3, 9), end=lima(2026, 6, 3, 10), recurrence="FREQ=YEARLY"
    )
    CivicEventPage.objects.filter(pk=endless.pk).update(end=lima(9999, 12, 31, 9), series_end=None)
    CivicEventPage.objects.filter(pk=year_one.pk).update(start=lima(1, 1, 1, 12), series_start=None)
    response = get(client, **{"from": "2026-06-01", "to": "2026-06-30"})
    titles = [title for title, _start, _status in summary(response)]
    assert "Sin fin" in titles and "Inti Raymi" in titles
    assert client.get("/api/v2/calendar.ics").status_code == 200
