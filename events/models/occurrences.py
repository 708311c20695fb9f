"""Stored occurrences: each activity's recurrence expanded (overrides applied) over a window.

The calendar API and the screens read date ranges from here with one indexed query instead of
expanding every activity's rule per request. Rows are kept for every activity, live or not; who
may see them is decided at read time by the one definition of "public" (events.queries).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from events.choices import EventStatus


class EventOccurrence(models.Model):
    """One occurrence of an activity as published: aware datetimes, all-day end exclusive."""

    event = models.ForeignKey(
        "events.CivicEventPage", on_delete=models.CASCADE, related_name="stored_occurrences", db_index=False
    )
    original_start = models.DateTimeField(_("fecha original"))
    start = models.DateTimeField(_("inicio"))
    end = models.DateTimeField(_("fin"))
    all_day = models.BooleanField(_("todo el día"), default=False)
    status = models.CharField(_("estado"), max_length=16, choices=EventStatus.choices)
    reason = models.CharField(_("motivo público"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("ocurrencia")
        verbose_name_plural = _("ocurrencias")
        indexes = [
            models.Index(fields=["start", "end"], name="events_occ_start_end"),
            models.Index(fields=["event", "start"], name="events_occ_event_start"),
        ]

    def __str__(self):
        return f"{self.event_id} @ {self.start.isoformat()}"


class OccurrenceWindow(models.Model):
    """The one row saying which dates the stored occurrences cover: [start, end)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    start = models.DateTimeField(_("desde"))
    end = models.DateTimeField(_("hasta"))

    class Meta:
        verbose_name = _("ventana de ocurrencias")
        verbose_name_plural = _("ventana de ocurrencias")

    def __str__(self):
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


class EventIcsText(models.Model):
    """An activity's VEVENT components as the ICS feed writes them, rendered when it is stored.

    SEQUENCE and URL are placeholders filled at read time (they change with log entries and
    moves, not with the activity's own row); ``stamp`` and ``version`` tell the reader whether
    the text still matches the activity (events.ics_store). ``series_key`` fingerprints what the
    stored occurrences were expanded from (events.occurrences.series_key).
    """

    event = models.OneToOneField(
        "events.CivicEventPage", on_delete=models.CASCADE, primary_key=True, related_name="ics_text"
    )
    stamp = models.DateTimeField(_("marca de tiempo"))
    series_key = models.CharField(_("huella de la repetición"), max_length=64, default="")
    version = models.PositiveSmallIntegerField(_("versión del formato"))
    body = models.TextField(_("texto iCalendar"))

    class Meta:
        verbose_name = _("texto iCalendar de una actividad")
        verbose_name_plural = _("textos iCalendar de actividades")

    def __str__(self):
        return f"{self.event_id} @ {self.stamp.isoformat()}"
