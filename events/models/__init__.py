from events.choices import EventStatus, EventType

from .events import CivicEventPage, EventIndexPage, EventOccurrenceOverride
from .occurrences import EventIcsText, EventOccurrence, OccurrenceWindow

__all__ = [
    "CivicEventPage",
    "EventIcsText",
    "EventIndexPage",
    "EventOccurrence",
    "EventOccurrenceOverride",
    "EventStatus",
    "EventType",
    "OccurrenceWindow",
]
