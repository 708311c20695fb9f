"""Occurrences of an activity, computed with dateutil.rrule in America/Lima wall-clock time.

An activity is a *series*: a first occurrence (DTSTART = its start in Lima local time), a
duration, an optional RFC 5545 RRULE and exception dates. All-day activities are date-based:
a series from 24 Jun to 24 Jun lasts one day, and each occurrence spans whole dates, with an
exclusive end at midnight after its last day (as iCalendar's DTEND;VALUE=DATE).

Every occurrence of a series starts at the wall-clock time of DTSTART (rules may not carry
BYHOUR/BYMINUTE/BYSECOND), so an occurrence is identified by its local date: exception dates
and per-occurrence overrides refer to that date.

Every expansion is bounded, by a range or a count, and capped at ``MAX_OCCURRENCES``.
"""

import datetime as dt
import itertools
import logging
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError

from events.choices import EventStatus
from events.validators import MAX_DURATION, parse_exception_dates

LIMA = ZoneInfo("America/Lima")
MAX_OCCURRENCES = 1000
# Rule parts that would give several occurrences a day: the time always comes from DTSTART.
IGNORED_PARTS = {"BYHOUR", "BYMINUTE", "BYSECOND", "DTSTART"}

logger = logging.getLogger(__name__)


def local_naive(value):
    """An aware datetime as a naive Lima wall-clock datetime."""
    return value.astimezone(LIMA).replace(tzinfo=None)


def aware(value):
    """A naive Lima wall-clock datetime as an aware one."""
    return value.replace(tzinfo=LIMA)


def midnight(day):
    return dt.datetime.combine(day, dt.time.min)


def rule_parts(text):
    """``FREQ=WEEKLY;BYDAY=SU`` (optionally prefixed by ``RRULE:``) as an ordered dict."""
    body = (text or "").strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts = {}
    for chunk in body.split(";"):
        key, sep, value = chunk.partition("=")
        if sep and key.strip():
            parts[key.strip().upper()] = value.strip().upper()
    return {key: value for key, value in parts.items() if key not in IGNORED_PARTS}


def until_local(value, all_day):
    """An RRULE UNTIL value (a date, a UTC or a floating date-time) as naive Lima time."""
    if len(value) == 8:
        day = dt.datetime.strptime(value, "%Y%m%d").date()
        return midnight(day) if all_day else dt.datetime.combine(day, dt.time.max.replace(microsecond=0))
    if value.endswith("Z"):
        utc = dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
        return midnight(local_naive(utc).date()) if all_day else local_naive(utc)
    floating = dt.datetime.strptime(value, "%Y%m%dT%H%M%S")
    return midnight(floating.date()) if all_day else floating


@dataclass(frozen=True)
class Occurrence:
    """One occurrence as published: aware Lima datetimes, end exclusive for all-day."""

    original_start: dt.datetime
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    status: str
    reason: str

    @property
    def cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def last_day(self):
        """The last date an all-day occurrence covers (its end is exclusive)."""
        return (self.end - dt.timedelta(days=1)).date() if self.all_day else self.end.date()


class Series:
    """An activity's recurrence, built from its field values (saved or still in a form)."""

    def __init__(
        self,
        *,
        start,
        end,
        all_day=False,
        recurrence="",
        exception_dates="",
        overrides=(),
        status=EventStatus.SCHEDULED,
        reason="",
    ):
        self.all_day = bool(all_day)
        first = local_naive(start)
        last = local_naive(end) if end else first
        if self.all_day:
            self.start = midnight(first.date())
            self.duration = dt.timedelta(days=max((last.date() - first.date()).days, 0) + 1)
        else:
            self.start = first
            self.duration = max(last - first, dt.timedelta(0))
        self.duration = min(self.duration, MAX_DURATION + dt.timedelta(days=1))
        self.parts = rule_parts(recurrence)
        try:
            self.exdates = frozenset(parse_exception_dates(exception_dates))
        except ValidationError:
            logger.warning("Ignoring invalid exception dates %r", exception_dates)
            self.exdates = frozenset()
        self.overrides = {local_naive(o.original_start).date(): o for o in overrides if o.original_start}
        self.status = status or EventStatus.SCHEDULED
        self.reason = reason or ""

    @classmethod
    def for_event(cls, event, overrides=None):
        """The series of a CivicEventPage; ``overrides`` defaults to its (prefetched) overrides."""
        if overrides is None:
            overrides = list(event.occurrence_overrides.all())
        return cls(
            start=event.start,
            end=event.end,
            all_day=event.all_day,
            recurrence=event.recurrence,
            exception_dates=event.exception_dates,
            overrides=overrides,
            status=event.status,
            reason=event.status_reason,
        )

    @cached_property
    def rule(self):
        """The dateutil rule over naive Lima datetimes, or None for a single occurrence."""
        if "FREQ" not in self.parts:
            return None
        parts = dict(self.parts)
        try:
            if "UNTIL" in parts:
                parts["UNTIL"] = until_local(parts["UNTIL"], self.all_day).strftime("%Y%m%dT%H%M%S")
            return rrulestr(";".join(f"{key}={value}" for key, value in parts.items()), dtstart=self.start)
        except (ValueError, TypeError, OverflowError):
            logger.warning("Ignoring invalid recurrence rule %r", self.parts)
            return None

    @property
    def is_recurring(self):
        return self.rule is not None

    def original_starts(self, after, before, limit=MAX_OCCURRENCES):
        """Naive starts of the rule's occurrences in [after, before], minus exception dates."""
        if self.rule is None:
            starts = [self.start] if after <= self.start <= before else []
        else:
            found = (d for d in self.rule.xafter(after, inc=True) if d.date() not in self.exdates)
            starts = list(itertools.islice(itertools.takewhile(lambda d: d <= before, found), limit))
        return starts

    def is_original(self, day):
        """Whether the rule has an occurrence on that local date (exception dates excluded)."""
        candidate = dt.datetime.combine(day, self.start.time())
        if self.rule is None:
            return candidate == self.start
        return day not in self.exdates and candidate in self.rule

    def resolve(self, original):
        """The published occurrence for a naive original start: overrides and status applied."""
        start, end = original, original + self.duration
        status, reason = EventStatus.SCHEDULED, ""
        override = self.overrides.get(original.date())
        if override is not None:
            status, reason = override.status, override.reason
            if override.new_start and override.status != EventStatus.CANCELLED:
                start, end = self._moved(override)
        if self.status == EventStatus.CANCELLED or (self.status != EventStatus.SCHEDULED and override is None):
            # The whole activity's status wins; a cancelled activity cancels every occurrence.
            status, reason = self.status, self.reason or reason
        return Occurrence(
            original_start=aware(original),
            start=aware(start),
            end=aware(end),
            all_day=self.all_day,
            status=status,
            reason=reason,
        )

    def _moved(self, override):
        """(start, end) of a moved occurrence: new_end defaults to the series' duration."""
        start = local_naive(override.new_start)
        if self.all_day:
            start = midnight(start.date())
        if not override.new_end:
            return start, start + self.duration
        end = local_naive(override.new_end)
        if self.all_day:
            end = midnight(max(end.date(), start.date())) + dt.timedelta(days=1)
        return start, min(max(end, start), start + MAX_DURATION + dt.timedelta(days=1))

    def _moved_originals(self, known):
        """Originals of moved occurrences not in ``known`` (they may land anywhere)."""
        extra = []
        for day, override in self.overrides.items():
            if override.new_start and override.status != EventStatus.CANCELLED:
                original = dt.datetime.combine(day, self.start.time())
                if original not in known and self.is_original(day):
                    extra.append(original)
        return extra

    def between(self, range_start, range_end, limit=MAX_OCCURRENCES):
        """Occurrences overlapping [range_start, range_end) (naive Lima), sorted by start."""
        originals = self.original_starts(range_start - self.duration, range_end, limit)
        originals += self._moved_originals(set(originals))
        found = []
        for original in originals:
            occurrence = self.resolve(original)
            start, end = local_naive(occurrence.start), local_naive(occurrence.end)
            if start < range_end and (end > range_start or (start == end and start >= range_start)):
                found.append(occurrence)
        return sorted(found, key=lambda o: (o.start, o.end))

    def upcoming(self, now, count=5):
        """The next ``count`` occurrences not yet over at ``now`` (aware), including ongoing ones."""
        after = local_naive(now) - self.duration
        if self.rule is None:
            originals = [self.start]
        else:
            wanted = min(count + len(self.overrides), MAX_OCCURRENCES)
            found = (d for d in self.rule.xafter(after, inc=True) if d.date() not in self.exdates)
            originals = list(itertools.islice(found, wanted))
        originals += self._moved_originals(set(originals))
        occurrences = [self.resolve(original) for original in originals]
        return sorted((o for o in occurrences if o.end > now), key=lambda o: (o.start, o.end))[:count]

    def span(self, limit=10 * MAX_OCCURRENCES):
        """(first start, last end) of all occurrences, aware; the end is None for an endless rule."""
        starts, ends = [self.start], [self.start + self.duration]
        if self.rule is not None:
            bounded = "COUNT" in self.parts or "UNTIL" in self.parts
            originals = list(itertools.islice(self.rule, limit + 1)) if bounded else []
            if bounded and len(originals) <= limit:
                ends += [original + self.duration for original in originals[-1:]]
            else:
                ends = None
        for override in self.overrides.values():
            if override.new_start and override.status != EventStatus.CANCELLED:
                moved_start, moved_end = self._moved(override)
                starts.append(moved_start)
                if ends is not None:
                    ends.append(moved_end)
        return aware(min(starts)), (aware(max(ends)) if ends is not None else None)
