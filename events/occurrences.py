"""Keep the stored occurrences (events.models.EventOccurrence) in step with the activities.

The store covers one window of dates for every activity, [today - history, today + horizon)
in Lima, named by the settings ``EVENTS_OCCURRENCE_HISTORY_DAYS`` and
``EVENTS_OCCURRENCE_HORIZON_DAYS``. An activity's rows (and its ICS text, events.ics_store) are
rewritten whenever the activity's row is saved in full (create, publish, revert, copy) or one
of its overrides changes; deleting the activity deletes them (cascade). Unpublishing, expiry,
moves and view restrictions change nothing here: readers join the rows with
``events.queries.public_events()``. The worker moves the window forward as time passes
(``extend_window``, a WORKER_JOBS callable).

A range the window does not cover is expanded on the fly as before (events.recurrence).
"""

import contextlib
import datetime as dt
import hashlib
import logging
import threading

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from events import ics_store
from events.recurrence import LIMA, Occurrence, aware, local_naive, midnight

logger = logging.getLogger(__name__)
# Rules give at most one occurrence a day (events.validators): a window of N days never exceeds
# N + its overrides; this only bounds data written past validation (e.g. FREQ=HOURLY in SQL).
STORE_LIMIT = 20_000
# The worker moves the window on once its end is this much closer than the horizon.
EXTEND_STEP = dt.timedelta(days=7)
BATCH = 500
_paused = threading.local()


def history_days():
    return getattr(settings, "EVENTS_OCCURRENCE_HISTORY_DAYS", 1095)


def horizon_days():
    return getattr(settings, "EVENTS_OCCURRENCE_HORIZON_DAYS", 730)


def wanted_window(now=None):
    """(start, end) aware, at Lima midnights, that the settings ask for at ``now``."""
    today = timezone.localdate(now or timezone.now(), timezone=LIMA)
    start = aware(midnight(today - dt.timedelta(days=history_days())))
    end = aware(midnight(today + dt.timedelta(days=horizon_days() + 1)))
    return start, end


def current_window():
    from events.models import OccurrenceWindow

    return OccurrenceWindow.objects.filter(pk=1).first()


def ensure_window(now=None):
    from events.models import OccurrenceWindow

    window = current_window()
    if window is None:
        start, end = wanted_window(now)
        window, _created = OccurrenceWindow.objects.get_or_create(pk=1, defaults={"start": start, "end": end})
    return window


def covers(window, range_start, range_end):
    """Whether the stored rows answer every occurrence overlapping [range_start, range_end) (aware)."""
    return window is not None and window.start <= range_start and range_end <= window.end


def expand(event, window):
    """The unsaved rows of one activity over the window (its overrides should be prefetched)."""
    from events.models import EventOccurrence

    return series_rows(EventOccurrence, event.pk, event.series, window)


def series_rows(model, event_id, make_series, window):
    """Unsaved ``model`` rows of one series over the window; also used by the backfill migration."""
    try:
        occurrences = make_series().between(local_naive(window.start), local_naive(window.end), limit=STORE_LIMIT)
    except (OverflowError, ValueError):
        logger.exception("Cannot expand the occurrences of event %s", event_id)
        return []
    return [
        model(
            event_id=event_id,
            original_start=occurrence.original_start,
            start=occurrence.start,
            end=occurrence.end,
            all_day=occurrence.all_day,
            status=occurrence.status,
            reason=occurrence.reason,
        )
        for occurrence in occurrences
    ]


def _utc(moment):
    """A datetime as the same text whatever its time zone (saved instances keep Lima's, loaded ones UTC)."""
    return "" if moment is None else moment.astimezone(dt.UTC).isoformat()


def series_key(event, overrides=None):
    """A fingerprint of what an activity's occurrences are expanded from (fields and overrides)."""
    if overrides is None:
        overrides = list(event.occurrence_overrides.all())
    changed = sorted(
        (_utc(o.original_start), o.status, _utc(o.new_start), _utc(o.new_end), o.reason) for o in overrides
    )
    fields = (_utc(event.start), _utc(event.end), str(event.all_day), event.recurrence, str(event.exception_dates))
    parts = (*fields, event.status, event.status_reason, repr(changed))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def stored_upcoming(event, now, count):
    """The next ``count`` occurrences not yet over at ``now``, from the stored rows, as Series.upcoming
    gives them; None when the rows cannot answer (expanded from other values than this instance's, as
    in a preview, or fewer than ``count`` within the window)."""
    from events.models import EventOccurrence

    if event.pk is None:
        return None
    rows = EventOccurrence.objects.filter(
        event_id=event.pk, event__ics_text__series_key=series_key(event), end__gt=now
    ).order_by("start", "end", "pk")[:count]
    rows = list(rows)
    if len(rows) < count:
        return None
    return [
        Occurrence(r.original_start.astimezone(LIMA), r.start.astimezone(LIMA), r.end.astimezone(LIMA), r.all_day,
                   r.status, r.reason)
        for r in rows
    ]  # fmt: skip


@contextlib.contextmanager
def paused():
    """Skip the per-override refresh while a page save writes its overrides (it refreshes once after)."""
    depth = getattr(_paused, "depth", 0)
    _paused.depth = depth + 1
    try:
        yield
    finally:
        _paused.depth = depth


def is_paused():
    return getattr(_paused, "depth", 0) > 0


def store_event(event):
    """Rewrite one activity's rows from its current field values and overrides."""
    from events.models import EventOccurrence

    with transaction.atomic():
        window = ensure_window()
        rows = expand(event, window)
        EventOccurrence.objects.filter(event_id=event.pk).delete()
        EventOccurrence.objects.bulk_create(rows, batch_size=BATCH)
        ics_store.store_texts([event])


def refresh_event(event_id):
    """Rewrite one activity's rows from the database (an override was saved or deleted on its own)."""
    from events.models import CivicEventPage

    event = CivicEventPage.objects.filter(pk=event_id).prefetch_related("occurrence_overrides").first()
    if event is not None:
        store_event(event)


def store_events(event_ids, window):
    """Rewrite the rows of many activities, batch by batch (a few queries per batch)."""
    from events.models import CivicEventPage, EventOccurrence

    event_ids = list(event_ids)
    written = 0
    for first in range(0, len(event_ids), BATCH):
        ids = event_ids[first : first + BATCH]
        events = list(CivicEventPage.objects.filter(pk__in=ids).prefetch_related("occurrence_overrides"))
        rows = [row for event in events for row in expand(event, window)]
        EventOccurrence.objects.filter(event_id__in=ids).delete()
        EventOccurrence.objects.bulk_create(rows, batch_size=BATCH)
        ics_store.store_texts(events)
        written += len(rows)
    return written


def rebuild(now=None, event_ids=None):
    """Set the window the settings ask for at ``now`` and rewrite every activity's rows in it."""
    from events.models import CivicEventPage, EventOccurrence, OccurrenceWindow

    start, end = wanted_window(now)
    with transaction.atomic():
        window, _created = OccurrenceWindow.objects.update_or_create(pk=1, defaults={"start": start, "end": end})
        if event_ids is None:
            EventOccurrence.objects.all().delete()
            event_ids = CivicEventPage.objects.order_by("pk").values_list("pk", flat=True)
        return store_events(event_ids, window)


def extend_window(now=None):
    """WORKER_JOBS: move the window on as time passes (a full rewrite, about weekly)."""
    ics_store.store_missing()  # rows of a new activity format or missing ones, a batch per tick
    window = current_window()
    start, end = wanted_window(now)
    if window is not None and end - window.end < EXTEND_STEP and window.start <= start:
        return 0
    written = rebuild(now)
    logger.info("Stored occurrences moved to %s - %s (%s rows)", start.date(), end.date(), written)
    return written


def overlapping_rows(queryset, range_start, range_end):
    """Stored rows overlapping [range_start, range_end), as Series.between decides (aware bounds)."""
    return queryset.filter(
        Q(start__lt=range_end),
        Q(end__gt=range_start) | Q(end=F("start"), start__gte=range_start),
    )
