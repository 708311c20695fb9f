"""The ICS feed from stored text: each activity's VEVENTs rendered once, when the activity is stored.

``events.occurrences.store_event(s)`` renders an activity's components (events.ics) into an
``EventIcsText`` row whenever its row is saved in full or its overrides change, the same moments
its occurrences are rewritten. Two values are left as placeholders, because they change without
the activity's row being saved: SEQUENCE (the count of publish log entries, written after the
save) and URL (moves of the page or of an ancestor, the site root). The feed fills them in from
one query over the public activities; it builds no model instance per activity.

A row whose ``stamp`` or ``version`` does not match what the activity has now (text written by
an older format, an activity saved in a way that skipped ``store_event``) is rendered again from
the activity, so a stale row can cost time but never change what the feed says.
"""

import logging

from django.conf import settings
from django.utils import translation

from events.links import PublicUrls

logger = logging.getLogger(__name__)
# Bump when events.ics writes anything differently: rows of another version are rendered again.
VERSION = 1
SEQUENCE_PLACEHOLDER = 2_000_000_001
URL_PLACEHOLDER = "urn:x-cms:ics-url"
SEQUENCE_LINE = f"SEQUENCE:{SEQUENCE_PLACEHOLDER}\r\n"
URL_LINE = f"URL:{URL_PLACEHOLDER}\r\n"
FOLD_AT = 75  # octets per content line (RFC 5545 §3.1), as icalendar folds


def render(event):
    """An activity's components with placeholders, as text; None if they cannot be written."""
    from events.ics import event_components  # icalendar (~10 MB) only where the feed is written

    try:
        with translation.override(settings.LANGUAGE_CODE):  # public outputs answer in Spanish
            components = event_components(event, sequence=SEQUENCE_PLACEHOLDER, url=URL_PLACEHOLDER)
            return b"".join(component.to_ical() for component in components).decode()
    except (OverflowError, ValueError):
        logger.exception("Cannot write event %s to the iCalendar feed", event.pk)
        return None


def text_row(event):
    """The unsaved EventIcsText of an activity (its overrides should be prefetched), or None."""
    from events.models import EventIcsText

    body = render(event)
    if body is None:
        return None
    from events.ics import event_stamp
    from events.occurrences import series_key

    stamp = event_stamp(event.last_published_at, event.latest_revision_created_at)
    return EventIcsText(event_id=event.pk, stamp=stamp, version=VERSION, body=body, series_key=series_key(event))


def fold_ascii(line):
    """icalendar's folding of an ASCII line with no escape characters: 74 octets, then 74 after a space."""
    size = FOLD_AT - 1
    return "\r\n ".join(line[start : start + size] for start in range(0, len(line), size))


def url_line(url):
    """The URL content line exactly as icalendar writes it (folded when long); '' without a URL."""
    if url is None:
        return ""
    if url.isascii() and "\\" not in url and "^" not in url:
        return fold_ascii(f"URL:{url}") + "\r\n"
    from icalendar import Event

    component = Event()
    component.add("url", url)
    return component.to_ical().decode()[len("BEGIN:VEVENT\r\n") : -len("END:VEVENT\r\n")]


def fill(body, sequence, url):
    return body.replace(SEQUENCE_LINE, f"SEQUENCE:{sequence}\r\n").replace(URL_LINE, url_line(url))


FIELDS = ("pk", "url_path", "last_published_at", "latest_revision_created_at", "publish_count")
STORED = ("ics_text__stamp", "ics_text__version", "ics_text__body")


def iter_stored_calendar(events):
    """The VCALENDAR as text chunks from the stored rows, activities in ``pk`` order.

    ``events`` is a queryset of public activities annotated with ``publish_count``
    (events.queries.with_publish_count). One query, plus one per activity whose text is stale."""
    from events.ics import CALENDAR_END, _calendar_head, event_sequence, event_stamp
    from events.models import CivicEventPage

    yield _calendar_head().decode()
    urls = PublicUrls(CivicEventPage)
    rows = events.order_by("pk").values_list(*FIELDS, *STORED)
    for pk, url_path, published, revised, publish_count, stamp, version, body in rows.iterator(chunk_size=500):
        if body is None or version != VERSION or stamp != event_stamp(published, revised):
            event = CivicEventPage.objects.filter(pk=pk).prefetch_related("occurrence_overrides").first()
            row = text_row(event) if event is not None else None
            if row is None:
                continue
            body = row.body
        yield fill(body, event_sequence(publish_count), urls(url_path))
    yield CALENDAR_END.decode()


def build_stored_calendar(events):
    return "".join(iter_stored_calendar(events)).encode()


def store_texts(events):
    """Rewrite the EventIcsText rows of these activities (overrides prefetched)."""
    from events.models import EventIcsText

    events = list(events)
    rows = [row for row in (text_row(event) for event in events) if row is not None]
    EventIcsText.objects.filter(event_id__in=[event.pk for event in events]).delete()
    EventIcsText.objects.bulk_create(rows, batch_size=500)


def store_missing(batch=200):
    """WORKER_JOBS (through extend_window): render the rows that are missing or of an older format."""
    from django.db.models import Q

    from events.models import CivicEventPage

    stale = CivicEventPage.objects.filter(Q(ics_text__isnull=True) | ~Q(ics_text__version=VERSION))
    ids = list(stale.order_by("pk").values_list("pk", flat=True)[:batch])
    if ids:
        store_texts(CivicEventPage.objects.filter(pk__in=ids).prefetch_related("occurrence_overrides"))
    return len(ids)
