"""Public calendar endpoints: occurrences in a date range (JSON) and the iCalendar feed.

Plain Django views; ETag, 304 and Cache-Control come from the shared cache (cms.api.cache). cms.api imports
this module at start-up (autodiscovery), which registers both endpoints in /api/schema/.
"""

import datetime as dt
import logging
import re

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse

from cms.api.purge import register_purge_urls
from events import openapi
from events.choices import EventType
from events.http import json_error
from events.ics_store import build_stored_calendar
from events.jsonld import occurrence_json
from events.links import api_url, public_url
from events.models import CivicEventPage
from events.queries import (
    filter_events,
    overlapping,
    public_events,
    with_language,
    with_publish_count,
)
from events.ranges import stored_calendar_items
from events.recurrence import LIMA, aware, midnight
from events.validators import YEARS

MAX_RANGE_DAYS = 366
logger = logging.getLogger(__name__)
DATE_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}")
CALENDAR_PARAMS = ("from", "to", "type", "locale")
ICS_PARAMS = ("type", "locale")
IGNORED = {"_"}


class BadRequest(Exception):
    """A query parameter the client got wrong; the message goes back as JSON."""


def _single_values(request, allowed):
    """The query as {name: value}; ``_`` (a client's cache-buster, ignored as by the pages API) is dropped."""
    unknown = sorted(set(request.GET) - set(allowed) - IGNORED)
    if unknown:
        raise BadRequest(f"Unknown query parameter(s): {', '.join(unknown)}. Allowed: {', '.join(allowed)}.")
    repeated = sorted(name for name in set(request.GET) - IGNORED if len(request.GET.getlist(name)) > 1)
    if repeated:
        raise BadRequest(f"Give each parameter once: {', '.join(repeated)}.")
    return {name: request.GET[name] for name in request.GET if name not in IGNORED}


def _filters(values):
    event_type = values.get("type")
    if event_type is not None and event_type not in EventType.values:
        raise BadRequest(f"Unknown type {event_type!r}. Use one of: {', '.join(EventType.values)}.")
    locales = [code for code, _name in settings.LANGUAGES]
    locale = values.get("locale", settings.LANGUAGE_CODE)
    if locale not in locales:
        raise BadRequest(f"Unknown locale {locale!r}. Use one of: {', '.join(locales)}.")
    return {"event_type": event_type, "locale": locale}


def _date(values, name):
    value = values.get(name)
    if value is None:
        raise BadRequest(f"Missing required parameter {name!r} (YYYY-MM-DD).")
    try:
        if not DATE_FORMAT.fullmatch(value):
            raise ValueError
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"Invalid date for {name!r}: {value!r}. Use YYYY-MM-DD.") from None
    if day.year not in YEARS:
        raise BadRequest(f"Date {name!r} must be between {YEARS.start} and {YEARS.stop - 1}.")
    return day


def parse_calendar_params(request):
    values = _single_values(request, CALENDAR_PARAMS)
    first, last = _date(values, "from"), _date(values, "to")
    if last < first:
        raise BadRequest("'to' must not be before 'from'.")
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise BadRequest(f"The range may cover at most {MAX_RANGE_DAYS} days.")
    return {"from": first, "to": last, **_filters(values)}


def _method_not_allowed(request):
    if request.method in ("GET", "HEAD"):
        return None
    response = json_error(f"Method {request.method} not allowed.", status=405)
    response["Allow"] = "GET, HEAD"
    return response


def calendar_item(event, occurrence, links):
    return {
        "event_id": event.pk,
        "title": event.title,
        **occurrence_json(occurrence),
        "event_type": event.event_type,
        "event_type_label": str(event.get_event_type_display()),
        "place": event.place,
        "address": event.address,
        "locale": event.language,
        **links,
    }


def calendar_occurrences(events, first, last):
    """Occurrences overlapping the dates [first, last] (Lima), sorted by start: fixed queries.

    From the stored occurrences when their window covers the range, else expanded here.
    """
    range_start, range_end = midnight(first), midnight(last + dt.timedelta(days=1))
    stored = stored_calendar_items(events, aware(range_start), aware(range_end))
    return stored if stored is not None else expanded_calendar_items(events, range_start, range_end)


def expanded_calendar_items(events, range_start, range_end):
    """The calendar's items overlapping [range_start, range_end) (naive Lima), each rule expanded."""
    candidates = with_language(overlapping(events, aware(range_start), aware(range_end))).prefetch_related(
        "occurrence_overrides"
    )
    found = []
    for event in candidates.order_by("pk"):
        try:
            occurrences = event.series().between(range_start, range_end)
        except (OverflowError, ValueError):
            logger.exception("Cannot expand the occurrences of event %s", event.pk)
            continue
        links = {"api_url": api_url(event.pk), "url": public_url(event)}
        for occurrence in occurrences:
            found.append(((occurrence.start, occurrence.end, event.pk), calendar_item(event, occurrence, links)))
    return [item for _key, item in sorted(found, key=lambda pair: pair[0])]


def calendar(request):
    """GET /api/v2/calendar/?from=YYYY-MM-DD&to=YYYY-MM-DD[&type=…][&locale=…]"""
    if refused := _method_not_allowed(request):
        return refused
    try:
        params = parse_calendar_params(request)
    except BadRequest as exc:
        return json_error(str(exc))
    # ETag, 304 and Cache-Control come from the shared cache (cms.api.cache, keyed by the content generation).
    events = filter_events(public_events(), locale=params["locale"], event_type=params["event_type"])
    items = calendar_occurrences(events, params["from"], params["to"])
    meta = {
        "from": params["from"].isoformat(),
        "to": params["to"].isoformat(),
        "time_zone": str(LIMA),
        "locale": params["locale"],
        "type": params["event_type"],
        "total_count": len(items),
    }
    return JsonResponse({"meta": meta, "items": items}, json_dumps_params={"ensure_ascii": False})


def calendar_ics(request):
    """GET /api/v2/calendar.ics[?type=…][&locale=…]: every live public activity."""
    if refused := _method_not_allowed(request):
        return refused
    try:
        params = _filters(_single_values(request, ICS_PARAMS))
    except BadRequest as exc:
        return json_error(str(exc))
    events = filter_events(public_events(), **params)
    if params["locale"] == settings.LANGUAGE_CODE:
        # Each activity's text was rendered when it was stored (events.ics_store): one query here.
        body = build_stored_calendar(with_publish_count(events))
    else:
        # Another language: translations and their Spanish fallbacks say their language
        # (LANGUAGE= on SUMMARY and LOCATION), so they are rendered here, in chunks.
        from events.ics import build_calendar  # icalendar only where a feed is rendered

        rows = with_language(with_publish_count(events)).prefetch_related("occurrence_overrides")
        body = build_calendar(rows.order_by("pk").iterator(chunk_size=200))
    # The response is then kept per content generation, with its ETag and 304 (cms.api.cache).
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="calendario-civico.ics"'
    return response


openapi.register(MAX_RANGE_DAYS)


@register_purge_urls
def calendar_urls(instance):
    """A changed activity changes the ICS feed and the calendar; the JSON listing's URLs vary
    with from/to, so only its base path is purged (the rest expire after the API's max-age)."""
    if isinstance(instance, CivicEventPage) or getattr(instance, "specific_class", None) is CivicEventPage:
        return [reverse("calendar_ics"), reverse("calendar")]
    return []
