"""The public civic calendar as iCalendar (RFC 5545), built with the icalendar library.

One VEVENT per activity (RRULE and EXDATE for recurring ones) and one VEVENT with
RECURRENCE-ID per changed occurrence. Internal protocol notes are never read here.
"""

import datetime as dt
import logging
from functools import lru_cache

from icalendar import Calendar, Event, Timezone, vRecur, vText

from events.choices import EventStatus
from events.jsonld import plain_text
from events.links import public_url
from events.recurrence import LIMA, Occurrence, aware, until_local

PRODID = "-//Municipalidad Provincial del Cusco//Calendario civico//ES"
CALENDAR_NAME = "Calendario cívico - Municipalidad Provincial del Cusco"
UID_DOMAIN = "cusco.gob.pe"
ICS_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
CALENDAR_END = b"END:VCALENDAR\r\n"
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def lima_timezone_ical():
    """The VTIMEZONE for America/Lima (computing it is slow: done once per process)."""
    return Timezone.from_tzid(str(LIMA), first_date=dt.date(1970, 1, 1), last_date=dt.date(2100, 1, 1)).to_ical()


def event_uid(event):
    return f"event-{event.pk}@{UID_DOMAIN}"


def ics_rrule(series):
    """The series' RRULE with UNTIL typed as RFC 5545 requires: a DATE, or a UTC date-time."""
    parts = dict(series.parts)
    if "UNTIL" in parts:
        until = until_local(parts["UNTIL"], series.all_day)
        parts["UNTIL"] = (
            until.strftime("%Y%m%d") if series.all_day else aware(until).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        )
    return vRecur.from_ical(";".join(f"{key}={value}" for key, value in parts.items()))


def _when(series, naive):
    return naive.date() if series.all_day else aware(naive)


def _public(occurrence_start, all_day):
    """An occurrence's aware start or end as an iCalendar value (a date for all-day)."""
    return occurrence_start.date() if all_day else occurrence_start


def _description(event, status, reason):
    lines = []
    if status != EventStatus.SCHEDULED:
        label = EventStatus(status).label
        lines.append(f"{label}: {reason}" if reason else str(label))
    text = plain_text(event.description)
    if text:
        lines.append(text)
    return "\n\n".join(lines)


def _text(value, event):
    """A text property, with RFC 5545's LANGUAGE parameter when the feed asked for a language other
    than Spanish (events.queries.with_language): a Spanish fallback then says it is Spanish."""
    language = getattr(event, "language", None)
    if not language or not value:
        return value
    text = vText(value)
    text.params["LANGUAGE"] = language
    return text


def _component(event, common, occurrence):
    component = Event()
    for name, value in common.items():
        if value not in (None, ""):
            component.add(name, value)
    component.add("dtstart", _public(occurrence.start, occurrence.all_day))
    component.add("dtend", _public(occurrence.end, occurrence.all_day))
    component.add("status", ICS_STATUS.get(occurrence.status, "CONFIRMED"))
    description = _description(event, occurrence.status, occurrence.reason)
    if description:
        component.add("description", description)
    return component


def event_stamp(last_published_at, latest_revision_created_at):
    """DTSTAMP and LAST-MODIFIED of an activity's components."""
    return last_published_at or latest_revision_created_at or EPOCH


def event_sequence(publish_count):
    """SEQUENCE grows with each publication (the first one is 0)."""
    return max((1 if publish_count is None else publish_count) - 1, 0)


def event_components(event, sequence=None, url=None):
    """The master VEVENT of an activity, then one per changed occurrence of a recurring one.

    ``sequence`` and ``url`` replace the values read from ``event`` (events.ics_store renders
    placeholders there)."""
    series = event.series()
    stamp = event_stamp(event.last_published_at, event.latest_revision_created_at)
    common = {
        "uid": event_uid(event),
        "dtstamp": stamp,
        "last-modified": stamp,
        "sequence": event_sequence(getattr(event, "publish_count", 1)) if sequence is None else sequence,
        "summary": _text(event.title, event),
        "location": _text(", ".join(part for part in (event.place, event.address) if part), event),
        "url": public_url(event) if url is None else url,
        "categories": [str(event.get_event_type_display())],
    }
    if not series.is_recurring:
        return [_component(event, common, series.resolve(series.start))]
    # The master describes the rule with the activity's own status; overrides replace single dates.
    first = aware(series.start)
    rule_occurrence = Occurrence(
        first, first, aware(series.start + series.duration), series.all_day, series.status, series.reason
    )
    master = _component(event, common, rule_occurrence)
    master.add("rrule", ics_rrule(series))
    if series.exdates:
        master.add(
            "exdate", [_when(series, dt.datetime.combine(day, series.start.time())) for day in sorted(series.exdates)]
        )
    components = [master]
    for day in sorted(series.overrides):
        if not series.is_original(day):
            continue
        original = dt.datetime.combine(day, series.start.time())
        component = _component(event, common, series.resolve(original))
        component.add("recurrence-id", _when(series, original))
        components.append(component)
    return components


def _calendar_head():
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("x-wr-timezone", str(LIMA))
    calendar.add_component(Timezone.from_ical(lima_timezone_ical()))
    head = calendar.to_ical()
    return head[: -len(CALENDAR_END)]


def iter_calendar(events):
    """The VCALENDAR as byte chunks, one activity at a time: only one activity's components are ever
    held (``events`` should be an iterator). Byte for byte what icalendar's Calendar.to_ical() writes."""
    yield _calendar_head()
    for event in events:
        try:
            components = event_components(event)
        except (OverflowError, ValueError):
            logger.exception("Cannot write event %s to the iCalendar feed", event.pk)
            continue
        yield b"".join(component.to_ical() for component in components)
    yield CALENDAR_END


def build_calendar(events):
    return b"".join(iter_calendar(events))
