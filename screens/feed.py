"""What one screen shows at a given moment: its active alerts, then its slides. Reads only."""

import datetime
import logging
from itertools import zip_longest

from django.apps import apps
from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone, translation

from cms.api.public import of_language, public_images, public_pages
from events.choices import EventStatus
from events.queries import overlapping
from events.ranges import stored_first_occurrences
from events.recurrence import aware, local_naive, midnight
from screens.localized import localize
from screens.models import SCREEN_TIME_ZONE, Alert, Screen

logger = logging.getLogger(__name__)
# A computed feed is reused at most this long, even if nothing we can see changes.
MAX_FEED_TTL = datetime.timedelta(minutes=5)
EVENT_WINDOW_DAYS = 7
RENDITIONS = {
    Screen.Orientation.LANDSCAPE: "fill-1920x1080|format-webp",
    Screen.Orientation.PORTRAIT: "fill-1080x1920|format-webp",
}


def _iso(value):
    return value.isoformat() if value else None


def targeted_alerts(screen):
    """Live alerts aimed at every screen or at this one."""
    return Alert.objects.filter(live=True).filter(Q(all_screens=True) | Q(screens=screen)).distinct()


def active_alerts(screen, now):
    """Alerts in force at `now`: most severe first, then newest."""
    alerts = targeted_alerts(screen).filter(starts_at__lte=now, ends_at__gt=now)
    return sorted(alerts, key=lambda alert: (-alert.severity_rank, -alert.starts_at.timestamp(), -alert.pk))


def alert_data(alert):
    return {
        "id": alert.pk,
        "title": alert.title,
        "message": alert.message,
        "severity": alert.severity,
        "severity_label": str(alert.get_severity_display()),
        "starts_at": _iso(alert.starts_at),
        "ends_at": _iso(alert.ends_at),
    }


def _public_pages(model_path):
    """Public pages of one type (cms.api.public) in the default language."""
    return public_pages(apps.get_model(model_path)).filter(of_language(settings.LANGUAGE_CODE))


def news_slides(screen, limit):
    """Press notes flagged for screens (or the screen's campaign's notes), newest first, sized for this screen."""
    spec = RENDITIONS[screen.orientation]
    chosen = {"campaign_id": screen.campaign_id} if screen.campaign_id else {"show_on_screens": True}
    pages = (
        _public_pages("news.NewsPage")
        .filter(**chosen)
        .defer_streamfields()
        .prefetch_related(Prefetch("main_image", queryset=public_images().prefetch_renditions(spec)))
        .order_by("-date", "-pk")[:limit]
    )
    slides = [
        {
            "type": "news",
            "id": page.pk,
            "headline": page.screen_headline or page.title,
            "date": _iso(page.date),
            "image": _image_data(page.main_image, spec),
        }
        for page in pages
    ]
    return localize(slides, "news.NewsPage", screen.locale)


def _image_data(image, spec):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height, "alt": image.description}


def upcoming_events(now, limit, language=settings.LANGUAGE_CODE):
    """Activities flagged for screens: each one's next occurrence not yet over that starts
    before the end of the 7-day window (Lima dates), recurrences expanded by the events app.

    Cancelled occurrences are skipped (the next one shows instead); a rescheduled occurrence
    shows at its new time. Read from the stored occurrences (the window and one query) when they
    cover the week; otherwise two queries: the candidate pages and their overrides.
    """
    today = timezone.localtime(now, SCREEN_TIME_ZONE).date()
    window_end = midnight(today + datetime.timedelta(days=EVENT_WINDOW_DAYS))
    events = _public_pages("events.CivicEventPage").filter(show_on_screens=True)
    found = stored_first_occurrences(events, now, aware(window_end))
    if found is None:
        found = _expanded_first_occurrences(events, now, window_end)
    slides = [
        {
            "type": "event",
            "id": event_id,
            "headline": fields["screen_headline"] or fields["title"],
            "start": _iso(occurrence.start.astimezone(datetime.UTC)),  # UTC like the rest of the feed
            "end": _iso(occurrence.end.astimezone(datetime.UTC)),
            "all_day": occurrence.all_day,
            "place": fields["place"],
            "status": occurrence.status,
            "status_label": str(EventStatus(occurrence.status).label),
            "status_reason": occurrence.reason,
        }
        for event_id, fields, occurrence in found[:limit]
    ]
    return localize(slides, "events.CivicEventPage", language)


def _expanded_first_occurrences(events, now, window_end):
    """As events.ranges.stored_first_occurrences, expanding each candidate's rule here."""
    candidates = overlapping(events, now, aware(window_end)).prefetch_related("occurrence_overrides")
    found = []
    for event in candidates.order_by("pk"):
        try:
            occurrences = event.series().between(local_naive(now), window_end)
        except (OverflowError, ValueError):
            logger.exception("Cannot expand the occurrences of event %s", event.pk)
            continue
        upcoming = next((o for o in occurrences if not o.cancelled), None)
        if upcoming is not None:
            fields = {"title": event.title, "screen_headline": event.screen_headline, "place": event.place}
            found.append((event.pk, fields, upcoming))
    found.sort(key=lambda found: (found[2].start, found[2].end, found[0]))
    return found


def interleave(*groups):
    return [item for row in zip_longest(*groups) for item in row if item is not None]


def build_feed(screen, now):
    """The feed as a dict, and the instant until which it stays right if no content changes."""
    with translation.override(settings.LANGUAGE_CODE):
        playing = screen.is_playing(now)
        alerts = active_alerts(screen, now)
        if not playing:
            # Outside its hours a screen shows nothing but an emergency.
            alerts = [alert for alert in alerts if alert.severity == Alert.Severity.EMERGENCY]
        news = news_slides(screen, screen.items) if playing and screen.show_news else []
        events = upcoming_events(now, screen.items, screen.locale) if playing and screen.show_events else []
        feed = {
            "screen": {
                "slug": screen.slug,
                "name": screen.name,
                "building": screen.building,
                "orientation": screen.orientation,
                "locale": screen.locale,
            },
            "standby": not playing,
            "poll_after": screen.poll_seconds,
            "seconds_per_slide": screen.seconds_per_slide,
            "schedule": {
                "play_from": screen.play_from.strftime("%H:%M"),
                "play_until": screen.play_until.strftime("%H:%M"),
                "play_days": screen.play_days,
                "time_zone": str(SCREEN_TIME_ZONE),
            },
            "alerts": [alert_data(alert) for alert in alerts],
            "slides": interleave(news, events)[: screen.items],
        }
    return feed, _valid_until(screen, now, alerts, events)


def _valid_until(screen, now, alerts, events):
    """The next instant at which time alone changes the feed (an alert starts or ends, etc.)."""
    next_alert_start = (
        targeted_alerts(screen)
        .filter(starts_at__gt=now, ends_at__gt=now)
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )
    today = timezone.localtime(now, SCREEN_TIME_ZONE).date()
    next_midnight = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time.min, tzinfo=SCREEN_TIME_ZONE
    )
    candidates = [
        now + MAX_FEED_TTL,
        screen.next_schedule_change(now),
        next_midnight,
        next_alert_start,
        *(alert.ends_at for alert in alerts),
        *(datetime.datetime.fromisoformat(event["end"]) for event in events),
    ]
    return min(moment for moment in candidates if moment is not None and moment > now)
