"""The activity detail in the pages API: schema.org Event JSON-LD, next occurrences, no internal notes."""

import pytest

from tests.events.conftest import SECRET, lima


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def test_json_ld_describes_the_next_occurrence(client, june, settings):
    data = detail(client, june["inti"])
    assert data["json_ld"] == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Inti Raymi",
        "startDate": "2026-06-24T09:00:00-05:00",
        "endDate": "2026-06-24T17:00:00-05:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Explanada de Sacsayhuamán",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Parque Arqueológico de Saqsaywaman, Cusco",
                "addressLocality": "Cusco",
                "addressRegion": "Cusco",
                "addressCountry": "PE",
            },
        },
        "organizer": {
            "@type": "GovernmentOrganization",
            "name": "Municipalidad Provincial del Cusco",
            "url": settings.WEBSITE_URL,
        },
        "description": "Escenificación de la Fiesta del Sol.",
        "url": f"{settings.WEBSITE_URL}/calendario-civico/{june['inti'].slug}/",
    }
    assert [o["start"] for o in data["next_occurrences"]] == [f"{y}-06-24T09:00:00-05:00" for y in range(2026, 2031)]


def test_all_day_ongoing_event_uses_dates(client, june):
    data = detail(client, june["jubilar"])
    assert (data["json_ld"]["startDate"], data["json_ld"]["endDate"]) == ("2026-06-18", "2026-06-24")
    assert data["next_occurrences"] == [
        {
            "start": "2026-06-18T00:00:00-05:00",
            "end": "2026-06-25T00:00:00-05:00",
            "original_start": "2026-06-18T00:00:00-05:00",
            "all_day": True,
            "status": "programado",
            "reason": "",
        }
    ]


@pytest.mark.parametrize(
    "fields,overrides,status",
    [
        ({"status": "cancelado", "status_reason": "Duelo"}, [], "EventCancelled"),
        ({"status": "postergado", "status_reason": "Por definir"}, [], "EventPostponed"),
        (
            {},
            [{"original_start": lima(2026, 7, 1, 9), "status": "reprogramado", "new_start": lima(2026, 7, 3, 9)}],
            "EventRescheduled",
        ),
    ],
)
def test_event_status_maps_to_schema_org(client, frozen, make_event, fields, overrides, status):
    page = make_event(start=lima(2026, 7, 1, 9), end=lima(2026, 7, 1, 10), overrides=overrides, **fields)
    json_ld = detail(client, page)["json_ld"]
    assert json_ld["eventStatus"] == f"https://schema.org/{status}"
    if overrides:
        assert json_ld["startDate"] == "2026-07-03T09:00:00-05:00"
        assert json_ld["previousStartDate"] == "2026-07-01T09:00:00-05:00"


def test_finished_event_has_no_next_occurrences(client, june):
    data = detail(client, june["press"])
    assert data["next_occurrences"] == []
    assert data["json_ld"]["startDate"] == "2026-05-10T11:00:00-05:00"


def test_protocol_notes_never_leave_through_the_pages_api(client, june):
    bodies = [
        client.get(f"/api/v2/pages/{june['inti'].pk}/").content,
        client.get("/api/v2/pages/", {"type": "events.CivicEventPage", "fields": "*"}).content,
        client.get(f"/api/v2/pages/{june['inti'].pk}/", {"fields": "*"}).content,
    ]
    for body in bodies:
        assert SECRET.encode() not in body
        assert b"protocol_notes" not in body
    asked = client.get("/api/v2/pages/", {"type": "events.CivicEventPage", "fields": "protocol_notes"})
    assert asked.status_code == 400
    searched = client.get("/api/v2/pages/", {"type": "events.CivicEventPage", "search": SECRET})
    assert searched.status_code == 200 and searched.json()["meta"]["total_count"] == 0
    by_title = client.get("/api/v2/pages/", {"type": "events.CivicEventPage", "search": "Inti"})
    assert by_title.json()["meta"]["total_count"] == 1  # search itself works
