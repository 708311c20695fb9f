"""The demo civic calendar: real Cusco dates, idempotent, visible through the public API."""

import io

from events.demo import seed_events
from events.models import CivicEventPage
from tests.factories import PersonFactory


def test_seed_events_is_idempotent_and_publishes_a_real_calendar(client, frozen, site_tree):
    alcalde = PersonFactory(name="Alcalde del Cusco", role="alcalde")
    out = io.StringIO()
    created = seed_events(site_tree["sections"], {"alcalde": alcalde}, out)
    assert len(created) >= 10
    assert seed_events(site_tree["sections"], {"alcalde": alcalde}, io.StringIO()) == []
    events = CivicEventPage.objects.live()
    assert events.count() == len(created)
    assert "Inti Raymi" in out.getvalue()
    assert all(page.last_published_at for page in events)
    assert events.filter(presided_by=alcalde).exists()
    assert {"FREQ=YEARLY", "FREQ=WEEKLY;BYDAY=SU"} <= set(events.values_list("recurrence", flat=True))

    items = client.get("/api/v2/calendar/", {"from": "2026-06-01", "to": "2026-08-31"}).json()["items"]
    flag_raising = [item for item in items if item["title"].startswith("Izamiento del Pabellón")]
    assert {item["status"] for item in flag_raising} == {"programado", "cancelado", "reprogramado"}
    assert all(item["reason"] for item in flag_raising if item["status"] != "programado")
    inti = next(item for item in items if item["title"].startswith("Inti Raymi"))
    assert inti["start"] == "2026-06-24T09:00:00-05:00"
    assert inti["address"] == "Parque Arqueológico de Saqsaywaman, Cusco"
    campesino = next(item for item in items if item["title"] == "Día del Campesino")
    assert (campesino["all_day"], campesino["start"]) == (True, "2026-06-24T00:00:00-05:00")
    ics = client.get("/api/v2/calendar.ics")
    assert ics.status_code == 200
    assert b"RECURRENCE-ID" in ics.content and b"STATUS:CANCELLED" in ics.content
    for page in events.exclude(protocol_notes=""):
        assert page.protocol_notes.encode() not in ics.content
