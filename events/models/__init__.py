from events.choices import EventStatus, EventType

from .events import CivicEventPage, EventIndexPage, EventOccurrenceOverride

__all__ = ["CivicEventPage", "EventIndexPage", "EventOccurrenceOverride", "EventStatus", "EventType"]
