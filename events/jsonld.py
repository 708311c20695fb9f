"""Public representations of occurrences: the API's occurrence objects and schema.org Event JSON-LD."""

import html
import re

from django.conf import settings
from django.utils.html import strip_tags

from events.choices import EventStatus
from events.links import public_url

ORGANIZER_NAME = "Municipalidad Provincial del Cusco"
SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
}


def plain_text(rich_text):
    """Rich text HTML as plain text: paragraphs and list items on their own lines."""
    text = re.sub(r"</(p|li|h\d)>|<br\s*/?>", "\n", rich_text or "")
    text = html.unescape(strip_tags(text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def occurrence_json(occurrence):
    """An occurrence's dates (ISO 8601, -05:00) and status; an all-day end is exclusive midnight."""
    return {
        "start": occurrence.start.isoformat(),
        "end": occurrence.end.isoformat(),
        "all_day": occurrence.all_day,
        "status": occurrence.status,
        "reason": occurrence.reason,
        "original_start": occurrence.original_start.isoformat(),
    }


def _schema_dates(occurrence):
    if occurrence.all_day:
        return occurrence.start.date().isoformat(), occurrence.last_day.isoformat()
    return occurrence.start.isoformat(), occurrence.end.isoformat()


def event_json_ld(page, now):
    """schema.org Event for the next occurrence (or the first one, once all are over)."""
    series = page.series()
    upcoming = series.upcoming(now, 1)
    occurrence = upcoming[0] if upcoming else series.resolve(series.start)
    start, end = _schema_dates(occurrence)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA_STATUS.get(occurrence.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": page.place,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": page.address or page.place,
                "addressLocality": "Cusco",
                "addressRegion": "Cusco",
                "addressCountry": "PE",
            },
        },
        "organizer": {"@type": "GovernmentOrganization", "name": ORGANIZER_NAME, "url": settings.WEBSITE_URL},
    }
    if occurrence.start != occurrence.original_start:
        data["previousStartDate"] = occurrence.original_start.isoformat()
    description = plain_text(page.description)
    if description:
        data["description"] = description
    url = public_url(page)
    if url:
        data["url"] = url
    return data
