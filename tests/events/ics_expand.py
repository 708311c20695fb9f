"""An expander for parsed iCalendar written for the tests, independent of events.recurrence.

It reads DTSTART/DTEND/RRULE/EXDATE/RECURRENCE-ID/STATUS back with icalendar and expands with
dateutil, as a calendar client would, so the ICS feed can be compared with the JSON endpoint.
"""

import datetime as dt

from dateutil.rrule import rrulestr
from icalendar import Calendar

from events.recurrence import LIMA

WINDOW = dt.timedelta(days=400)


def as_aware(value):
    """A DATE as Lima midnight; an aware DATE-TIME unchanged."""
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None, "floating times are not expected in this feed"
        return value
    return dt.datetime.combine(value, dt.time.min, tzinfo=LIMA)


def _exdates(master):
    found = master.get("EXDATE", [])
    props = found if isinstance(found, list) else [found]
    return {as_aware(item.dt) for prop in props for item in prop.dts}


def _originals(master, window_start, window_end):
    start = master.decoded("DTSTART")
    if "RRULE" not in master:
        return [as_aware(start)]
    all_day = not isinstance(start, dt.datetime)
    dtstart = dt.datetime.combine(start, dt.time.min) if all_day else start
    rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=dtstart)
    if all_day:
        window_start, window_end = window_start.replace(tzinfo=None), window_end.replace(tzinfo=None)
    exdates = _exdates(master)
    originals = (as_aware(d.date()) if all_day else d for d in rule.between(window_start, window_end, inc=True))
    return [original for original in originals if original not in exdates]


def expand(ics, first, last):
    """(uid, start, end, cancelled) of the occurrences overlapping the dates [first, last] in Lima."""
    calendar = Calendar.from_ical(ics)
    range_start = dt.datetime.combine(first, dt.time.min, tzinfo=LIMA)
    range_end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=LIMA)
    masters, changed = {}, {}
    for component in calendar.walk("VEVENT"):
        uid = str(component["UID"])
        if "RECURRENCE-ID" in component:
            changed[(uid, as_aware(component.decoded("RECURRENCE-ID")))] = component
        else:
            masters[uid] = component
    found = []
    for uid, master in masters.items():
        duration = as_aware(master.decoded("DTEND")) - as_aware(master.decoded("DTSTART"))
        for original in _originals(master, range_start - WINDOW, range_end + WINDOW):
            component = changed.get((uid, original))
            if component is None:
                start, end, status = original, original + duration, str(master["STATUS"])
            else:
                start, end = as_aware(component.decoded("DTSTART")), as_aware(component.decoded("DTEND"))
                status = str(component["STATUS"])
            if start < range_end and (end > range_start or (start == end and start >= range_start)):
                found.append((uid, start.isoformat(), end.isoformat(), status == "CANCELLED"))
    return sorted(found, key=lambda row: (row[1], row[2], row[0]))
