"""The ICS is written one activity at a time, byte for byte what one icalendar Calendar writes."""

from icalendar import Calendar, Timezone

from events import ics
from events.queries import public_events, with_publish_count


def whole_calendar(events):
    """The feed as one icalendar object holding every component (how it was built before)."""
    calendar = Calendar()
    for name, value in [
        ("prodid", ics.PRODID),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
        ("method", "PUBLISH"),
        ("x-wr-calname", ics.CALENDAR_NAME),
        ("x-wr-timezone", str(ics.LIMA)),
    ]:
        calendar.add(name, value)
    calendar.add_component(Timezone.from_ical(ics.lima_timezone_ical()))
    for event in events:
        for component in ics.event_components(event):
            calendar.add_component(component)
    return calendar.to_ical()


def test_chunks_join_to_the_same_bytes_as_one_calendar(june):
    rows = with_publish_count(public_events()).prefetch_related("occurrence_overrides").order_by("pk")
    chunks = list(ics.iter_calendar(rows.iterator(chunk_size=2)))
    assert len(chunks) == len(rows) + 2  # head, one chunk per activity, end
    assert b"".join(chunks) == whole_calendar(rows)
