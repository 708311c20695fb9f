from .events import CivicEventPage, EventIndexPage, EventOccurrenceOverride

__all__ = ["CivicEventPage", "EventIndexPage", "EventOccurrenceOverride"]
