import datetime as dt

import pytest

from events.models import EventOccurrenceOverride
from events.recurrence import LIMA
from tests.factories import CivicEventPageFactory, publish

SECRET = "NOTA-INTERNA-CONFIDENCIAL"


def lima(year, month, day, hour=0, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=LIMA)


@pytest.fixture
def events_index(site_tree):
    return site_tree["sections"]["events.EventIndexPage"]


@pytest.fixture
def make_event(events_index):
    """Create and publish an activity (with overrides), as the Director's approval does."""

    def make(overrides=(), published=True, **fields):
        fields.setdefault("protocol_notes", SECRET)
        page = CivicEventPageFactory(parent=events_index, **fields)
        if overrides:
            page.occurrence_overrides = [EventOccurrenceOverride(**override) for override in overrides]
            page.save()
        return publish(page) if published else page

    return make


NOW = lima(2026, 6, 20, 12)


@pytest.fixture
def frozen(time_machine):
    """Freeze the clock at NOW before any data is built (the plugin's fixture undoes it after the test)."""
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def june(frozen, make_event):
    """A civic calendar around Inti Raymi 2026; time is frozen by the tests at NOW (20 Jun 2026, 12:00)."""
    from wagtail.models import PageViewRestriction

    pages = {
        "inti": make_event(
            title="Inti Raymi",
            start=lima(2024, 6, 24, 9),
            end=lima(2024, 6, 24, 17),
            recurrence="FREQ=YEARLY",
            event_type="fecha_civica",
            place="Explanada de Sacsayhuamán",
            address="Parque Arqueológico de Saqsaywaman, Cusco",
            description="<p>Escenificación de la <b>Fiesta del Sol</b>.</p>",
        ),
        "campesino": make_event(
            title="Día del Campesino",
            start=lima(2024, 6, 24),
            end=lima(2024, 6, 24),
            all_day=True,
            recurrence="FREQ=YEARLY",
            event_type="fecha_civica",
        ),
        "jubilar": make_event(
            title="Semana Jubilar", start=lima(2026, 6, 18), end=lima(2026, 6, 24), all_day=True, event_type="campana"
        ),
        "izamiento": make_event(
            title="Izamiento dominical",
            start=lima(2026, 1, 4, 8),
            end=lima(2026, 1, 4, 9),
            recurrence="FREQ=WEEKLY;BYDAY=SU",
            exception_dates="2026-05-31",
            overrides=[
                {"original_start": lima(2026, 6, 7, 8), "status": "cancelado", "reason": "Corpus Christi"},
                {
                    "original_start": lima(2026, 6, 14, 8),
                    "status": "reprogramado",
                    "new_start": lima(2026, 6, 13, 10),
                    "new_end": lima(2026, 6, 13, 11),
                    "reason": "Maratón del Cusco",
                },
            ],
        ),
        "press": make_event(
            title="Conferencia de prensa",
            start=lima(2026, 5, 10, 11),
            end=lima(2026, 5, 10, 12),
            event_type="conferencia_prensa",
        ),
        "session": make_event(
            title="Sesión Solemne", start=lima(2026, 6, 23, 18), end=lima(2026, 6, 23, 20), event_type="sesion_solemne"
        ),
        "festival": make_event(
            title="Festival suspendido",
            start=lima(2026, 6, 22, 16),
            end=lima(2026, 6, 22, 19),
            event_type="otro",
            status="cancelado",
            status_reason="Duelo provincial",
        ),
    }
    hidden = {
        "draft": make_event(title="Borrador", start=lima(2026, 6, 10, 9), end=lima(2026, 6, 10, 10), published=False),
        "private": make_event(title="Reunión privada", start=lima(2026, 6, 11, 9), end=lima(2026, 6, 11, 10)),
        "unpublished": make_event(title="Retirada", start=lima(2026, 6, 12, 9), end=lima(2026, 6, 12, 10)),
    }
    hidden["draft"].live = False
    hidden["draft"].save()
    PageViewRestriction.objects.create(page=hidden["private"], restriction_type="password", password="clave")
    hidden["unpublished"].unpublish()
    return {**pages, "hidden": hidden}
