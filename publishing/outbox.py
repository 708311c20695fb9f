"""Write publishing events to the outbox, in whatever transaction the change is running in."""

import json
import uuid

from django.conf import settings
from django.utils import timezone

from publishing.models import Delivery, OutboxEvent, WebhookEndpoint, WebhookEvent


def public_url(page):
    """The page's address on the public website (WEBSITE_URL + its path under the site root)."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    return settings.WEBSITE_URL.rstrip("/") + parts[2]


def api_url(page_id):
    return f"{settings.WAGTAILAPI_BASE_URL.rstrip('/')}/api/v2/pages/{page_id}/"


def page_payload(page, **extra):
    locale = page.locale.language_code if page.locale_id else None
    return {
        "type": page.specific_class._meta.label if page.specific_class else type(page)._meta.label,
        "id": page.pk,
        "locale": locale,
        "url": public_url(page),
        "api_url": api_url(page.pk),
        **extra,
    }


def record(event, object_type, object_id, payload):
    """Queue `event` for every active endpoint that wants it; returns the OutboxEvent or None."""
    events = record_many(event, [(object_type, object_id, payload)])
    return events[0] if events else None


def record_many(event, items):
    """``record`` for many objects at once, [(object_type, object_id, payload)], in three queries
    (a bulk import announces its pages this way); returns the OutboxEvents written."""
    endpoints = [endpoint for endpoint in WebhookEndpoint.objects.filter(active=True) if endpoint.wants(event)]
    if not endpoints or not items:
        return []
    now = timezone.now()
    events = []
    for object_type, object_id, payload in items:
        event_id = uuid.uuid4()
        body = {"event_id": str(event_id), "event": event, **payload, "time": now.isoformat()}
        events.append(
            OutboxEvent(
                id=event_id,
                event=event,
                object_type=object_type,
                object_id=str(object_id),
                body=json.dumps(body, ensure_ascii=False, separators=(",", ":")),
                created_at=now,
            )
        )
    OutboxEvent.objects.bulk_create(events)
    Delivery.objects.bulk_create(
        [
            Delivery(event=outbox, endpoint=endpoint, next_attempt_at=now, created_at=now)
            for outbox in events
            for endpoint in endpoints
        ]
    )
    return events


def record_page(event, page, **extra):
    payload = page_payload(page, **extra)
    return record(event, payload["type"], page.pk, payload)


def record_pages(event, pages):
    items = []
    for page in pages:
        payload = page_payload(page)
        items.append((payload["type"], page.pk, payload))
    return record_many(event, items)


def record_alert(alert, state):
    payload = {
        "type": type(alert)._meta.label,
        "id": alert.pk,
        "locale": None,
        "url": None,
        "api_url": None,
        "state": state,
    }
    return record(WebhookEvent.ALERT, payload["type"], alert.pk, payload)
