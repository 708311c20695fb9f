from events.choices import EventStatus, EventType

from .events import CivicEventPage, EventIndexPage, EventOccurrenceOverride
from .occurrences import EventOccurrence, OccurrenceWindow

__all__ = [
    "CivicEventPage",
    "EventIndexPage",
    "EventOccurrence",
    "EventOccurrenceOverride",
    "EventStatus",
    "EventType",
    "OccurrenceWindow",
]
