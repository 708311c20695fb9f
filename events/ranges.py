"""Date ranges of the civic calendar read from the stored occurrences (events.occurrences).

One indexed query answers a range: the stored rows joined with the public activities, with
the few page fields the outputs show. ``None`` means the stored window does not cover the
range and the caller expands the rules instead (events.recurrence).
"""

from django.db.models import Exists, OuterRef

from events.jsonld import occurrence_json
from events.links import PublicUrls, api_url
from events.models import CivicEventPage, EventOccurrence
from events.occurrences import covers, current_window, overlapping_rows
from events.recurrence import LIMA, Occurrence

OCCURRENCE_FIELDS = ("original_start", "start", "end", "all_day", "status", "reason")


def _rows(events, range_start, range_end, page_fields):
    # Correlated by primary key: the range's occurrences (few, by the start index) each test their
    # activity, where `event__in` listed every public activity first (the whole page table).
    stored = EventOccurrence.objects.filter(Exists(events.order_by().filter(pk=OuterRef("event_id"))))
    rows = overlapping_rows(stored, range_start, range_end).order_by("start", "end", "event_id", "pk")
    return rows.values_list("event_id", *OCCURRENCE_FIELDS, *(f"event__{name}" for name in page_fields))


def _occurrence(values):
    original_start, start, end, all_day, status, reason = values
    return Occurrence(
        original_start.astimezone(LIMA), start.astimezone(LIMA), end.astimezone(LIMA), all_day, status, reason
    )


def _links(event_id, url_path, language, memo, urls):
    if event_id not in memo:
        memo[event_id] = {"api_url": api_url(event_id), "url": urls(url_path, language)}
    return memo[event_id]


def stored_calendar_items(events, range_start, range_end):
    """The calendar API's items overlapping [range_start, range_end) (aware), or None if not stored."""
    if not covers(current_window(), range_start, range_end):
        return None
    labels = {value: str(label) for value, label in CivicEventPage.EventType.choices}  # once, not per row
    fields = ("title", "event_type", "place", "address", "url_path", "locale__language_code")
    items, memo, urls = [], {}, PublicUrls(CivicEventPage)
    for event_id, *values in _rows(events, range_start, range_end, fields):
        title, event_type, place, address, url_path, language = values[len(OCCURRENCE_FIELDS) :]
        items.append(
            {
                "event_id": event_id,
                "title": title,
                **occurrence_json(_occurrence(values[: len(OCCURRENCE_FIELDS)])),
                "event_type": event_type,
                "event_type_label": labels.get(event_type, event_type),
                "place": place,
                "address": address,
                "locale": language,
                **_links(event_id, url_path, language, memo, urls),
            }
        )
    return items


def stored_first_occurrences(events, range_start, range_end):
    """Each activity's first occurrence not cancelled overlapping the range, as (event_id, fields,
    occurrence) sorted by (start, end, event_id); None if the window does not cover the range."""
    if not covers(current_window(), range_start, range_end):
        return None
    fields = ("title", "screen_headline", "place")
    first = {}
    for event_id, *values in _rows(events, range_start, range_end, fields):
        occurrence = _occurrence(values[: len(OCCURRENCE_FIELDS)])
        if event_id not in first and not occurrence.cancelled:
            first[event_id] = (event_id, dict(zip(fields, values[len(OCCURRENCE_FIELDS) :], strict=True)), occurrence)
    return sorted(first.values(), key=lambda found: (found[2].start, found[2].end, found[0]))
