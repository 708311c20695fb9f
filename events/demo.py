"""Demo civic calendar for seed_demo: real dates of the Cusco Calendario Cívico, idempotent by slug.

Yearly civic dates start last year (so past and coming occurrences both exist); one-off
activities are placed in the coming weeks or on their next date, relative to today.
"""

import datetime as dt

from dateutil.easter import easter
from django.utils import timezone

from events.choices import EventStatus, EventType
from events.models import CivicEventPage, EventOccurrenceOverride
from events.recurrence import LIMA

PLAZA_DE_ARMAS = ("Plaza de Armas del Cusco", "Plaza de Armas S/N, Cusco")
PALACIO = ("Palacio Municipal del Cusco", "Plaza Regocijo S/N, Cusco")
SACSAYHUAMAN = ("Explanada de Sacsayhuamán", "Parque Arqueológico de Saqsaywaman, Cusco")
QORIKANCHA = ("Explanada del Qorikancha", "Plazoleta de Santo Domingo S/N, Cusco")
CENTRO_HISTORICO = ("Centro Histórico del Cusco", "Cercado del Cusco")


def at(day, hour=0, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LIMA)


def next_date(today, month, day):
    candidate = dt.date(today.year, month, day)
    return candidate if candidate >= today else dt.date(today.year + 1, month, day)


def next_sunday(today, weeks=0):
    return today + dt.timedelta(days=(6 - today.weekday()) % 7 + 7 * weeks)


def next_corpus_christi(today):
    """Corpus Christi in Cusco: the Thursday 60 days after Easter Sunday."""
    for year in (today.year, today.year + 1):
        day = easter(year) + dt.timedelta(days=60)
        if day >= today:
            return day
    return day


def demo_events(today, people):
    """(slug, fields, overrides) of each demo activity."""
    last_year = today.year - 1
    alcalde = people.get("alcalde")
    first_sunday = next_sunday(dt.date(last_year, 1, 1))
    cancelled_sunday, moved_sunday = next_sunday(today, 2), next_sunday(today, 4)
    jubilee = dt.date(last_year, 6, 18)
    campaign = today + dt.timedelta(days=10)
    corpus = next_corpus_christi(today)
    session = next_date(today, 6, 23)
    press = today + dt.timedelta(days=3)
    yearly = EventType.CIVIC_DATE
    return [
        (
            "inti-raymi",
            {
                "title": "Inti Raymi, Fiesta del Sol",
                "start": at(dt.date(last_year, 6, 24), 9),
                "end": at(dt.date(last_year, 6, 24), 17),
                "recurrence": "FREQ=YEARLY",
                "event_type": yearly,
                "place": SACSAYHUAMAN,
                "description": "<p>Escenificación en el Qorikancha, la Plaza de Armas y Sacsayhuamán.</p>",
                "protocol_notes": "Autoridades en el estrado principal; acreditación de prensa el 20 de junio.",
            },
            [],
        ),
        (
            "dia-del-campesino",
            {
                "title": "Día del Campesino",
                "all_day": True,
                "start": at(dt.date(last_year, 6, 24)),
                "end": at(dt.date(last_year, 6, 24)),
                "recurrence": "FREQ=YEARLY",
                "event_type": yearly,
                "place": PLAZA_DE_ARMAS,
            },
            [],
        ),
        (
            "semana-jubilar-del-cusco",
            {
                "title": "Semana Jubilar del Cusco",
                "all_day": True,
                "start": at(jubilee),
                "end": at(jubilee + dt.timedelta(days=6)),
                "recurrence": "FREQ=YEARLY",
                "event_type": yearly,
                "place": CENTRO_HISTORICO,
                "description": "<p>Semana central de las celebraciones del Mes Jubilar del Cusco.</p>",
            },
            [],
        ),
        (
            "aniversario-fundacion-espanola-del-cusco",
            {
                "title": "Aniversario de la Fundación Española del Cusco",
                "start": at(dt.date(last_year, 3, 23), 10),
                "end": at(dt.date(last_year, 3, 23), 12),
                "recurrence": "FREQ=YEARLY",
                "event_type": EventType.CEREMONY,
                "place": PLAZA_DE_ARMAS,
            },
            [],
        ),
        (
            "dia-de-la-bandera",
            {
                "title": "Día de la Bandera: ceremonia de juramentación",
                "start": at(dt.date(last_year, 6, 7), 9),
                "end": at(dt.date(last_year, 6, 7), 11),
                "recurrence": "FREQ=YEARLY",
                "event_type": EventType.PROTOCOL,
                "place": PLAZA_DE_ARMAS,
            },
            [],
        ),
        (
            "fiestas-patrias-izamiento",
            {
                "title": "Fiestas Patrias: izamiento del Pabellón Nacional",
                "start": at(dt.date(last_year, 7, 28), 8),
                "end": at(dt.date(last_year, 7, 28), 9, 30),
                "recurrence": "FREQ=YEARLY",
                "event_type": EventType.PROTOCOL,
                "place": PLAZA_DE_ARMAS,
                "presided_by": alcalde,
            },
            [],
        ),
        (
            "izamiento-dominical",
            {
                "title": "Izamiento del Pabellón Nacional y de la bandera del Cusco",
                "start": at(first_sunday, 8),
                "end": at(first_sunday, 9),
                "recurrence": "FREQ=WEEKLY;BYDAY=SU",
                "event_type": EventType.PROTOCOL,
                "place": PLAZA_DE_ARMAS,
                "description": "<p>Ceremonia dominical con desfile de instituciones invitadas.</p>",
                "protocol_notes": "Coordinar la banda de música con la Policía Nacional.",
            },
            [
                {
                    "original_start": at(cancelled_sunday, 8),
                    "status": EventStatus.CANCELLED,
                    "reason": "Se suspende por trabajos de mantenimiento en la Plaza de Armas.",
                },
                {
                    "original_start": at(moved_sunday, 8),
                    "status": EventStatus.RESCHEDULED,
                    "new_start": at(moved_sunday, 10),
                    "new_end": at(moved_sunday, 11),
                    "reason": "Se traslada a las 10:00 por una actividad deportiva en el Centro Histórico.",
                },
            ],
        ),
        (
            "corpus-christi",
            {
                "title": f"Corpus Christi del Cusco {corpus.year}",
                "start": at(corpus, 10),
                "end": at(corpus, 18),
                "event_type": EventType.CEREMONY,
                "place": PLAZA_DE_ARMAS,
                "description": "<p>Procesión de los santos y vírgenes patronos de los barrios del Cusco.</p>",
            },
            [],
        ),
        (
            "sesion-solemne-dia-del-cusco",
            {
                "title": "Sesión Solemne del Concejo Provincial por el Día del Cusco",
                "start": at(session, 18),
                "end": at(session, 20),
                "event_type": EventType.SOLEMN_SESSION,
                "place": PALACIO,
                "presided_by": alcalde,
                "protocol_notes": "Orden de precedencia: Alcalde, regidores, autoridades invitadas.",
            },
            [],
        ),
        (
            "conferencia-de-prensa-agenda-municipal",
            {
                "title": "Conferencia de prensa: agenda municipal de la semana",
                "start": at(press, 11),
                "end": at(press, 12),
                "event_type": EventType.PRESS_CONFERENCE,
                "place": ("Sala de prensa del Palacio Municipal", PALACIO[1]),
                "presided_by": alcalde,
            },
            [],
        ),
        (
            "campana-cusco-ciudad-limpia",
            {
                "title": "Campaña «Cusco, ciudad limpia»",
                "all_day": True,
                "start": at(campaign),
                "end": at(campaign + dt.timedelta(days=4)),
                "event_type": EventType.CAMPAIGN,
                "place": CENTRO_HISTORICO,
                "description": "<p>Jornadas de limpieza con juntas vecinales y voluntariado.</p>",
            },
            [],
        ),
        (
            "festival-de-bandas-plaza-regocijo",
            {
                "title": "Festival de bandas en la Plaza Regocijo",
                "start": at(today + dt.timedelta(days=20), 16),
                "end": at(today + dt.timedelta(days=20), 19),
                "event_type": EventType.OTHER,
                "place": ("Plaza Regocijo", "Plaza Regocijo S/N, Cusco"),
                "status": EventStatus.CANCELLED,
                "status_reason": "Suspendido por duelo provincial.",
            },
            [],
        ),
    ]


def seed_events(sections, people, stdout):
    """Create and publish the demo activities under the civic calendar; existing slugs are kept."""
    index = sections["events.EventIndexPage"]
    created = []
    for slug, fields, overrides in demo_events(timezone.localdate(), people):
        if CivicEventPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        place, address = fields.pop("place")
        page = CivicEventPage(slug=slug, place=place, address=address, **fields)
        page.occurrence_overrides = [EventOccurrenceOverride(**override) for override in overrides]
        index.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
        stdout.write(f"Actividad: {page.title}\n")
    return created
