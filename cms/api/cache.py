"""Server-side cache of public responses, ETag/304 and Cache-Control, for any public view.

Design (multi-process safe): every cached entry's key contains the *content generation*,
a counter in one database row (``ContentGeneration``) that signal handlers bump after
the commit of every publish, unpublish, move, delete, media or restriction change. Each
request reads that row (one primary-key query), so every gunicorn worker and host sees a
bump at once, whatever its cache backend: with the default per-process locmem cache the
old entries are simply never read again; with Redis they are shared. Scheduled changes
that fire without a signal (expiry, go-live) are covered by ``next_change_at``: the first
request after that moment bumps the generation itself, and entries never outlive it.
"""

import functools
import hashlib
import threading
from dataclasses import dataclass
from datetime import datetime
from datetime import timezone as dt_timezone

from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError, connection, transaction
from django.db.models import F, Min, Q
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date

CACHEABLE_STATUSES = {200, 400, 404, 410}
ERROR_MAX_AGE = 10  # seconds a client or CDN may keep a 4xx
_BUILDING = threading.Lock()  # cached_public_response(one_at_a_time=True): one build per process


def max_age():
    return getattr(settings, "API_CACHE_MAX_AGE", 60)


def stale_while_revalidate():
    return getattr(settings, "API_CACHE_STALE_WHILE_REVALIDATE", 300)


def server_timeout():
    return getattr(settings, "API_CACHE_TIMEOUT", 300)


@dataclass(frozen=True)
class Generation:
    value: int
    changed_at: datetime | None
    next_change_at: datetime | None


def _next_scheduled_change(now):
    from wagtail.models import Page

    pending = Page.objects.filter(live=True).filter(Q(expire_at__gt=now) | Q(go_live_at__gt=now))
    values = pending.aggregate(
        expire=Min("expire_at", filter=Q(expire_at__gt=now)), live=Min("go_live_at", filter=Q(go_live_at__gt=now))
    )
    candidates = [value for value in values.values() if value is not None and value > now]
    return min(candidates) if candidates else None


def bump_generation():
    """Make every cached public response stale in every process. Runs after commit, so a
    concurrent request can never cache pre-commit content under the new generation."""
    transaction.on_commit(_bump_now)


def _bump_now():
    from cms.api.models import ContentGeneration

    now = timezone.now()
    fields = {"value": F("value") + 1, "changed_at": now, "next_change_at": _next_scheduled_change(now)}
    if not ContentGeneration.objects.filter(pk=1).update(**fields):
        ContentGeneration.objects.get_or_create(pk=1)
        ContentGeneration.objects.filter(pk=1).update(**fields)


def current_generation(request=None):
    """The content generation, read once per request (one primary-key query)."""
    cached = getattr(request, "_cms_api_generation", None) if request is not None else None
    if cached is not None:
        return cached
    generation = _read_generation()
    if generation.next_change_at and generation.next_change_at <= timezone.now():
        try:
            _bump_now()  # a scheduled expiry/go-live passed: every process must re-render
        except OperationalError:
            # Write lock held (SQLite): entries of this generation expired at next_change_at
            # anyway (see _timeout), so serving re-renders from the database is still right.
            return generation
        return current_generation(request)
    if request is not None:
        request._cms_api_generation = generation
    return generation


# Standard SQL quoting (SQLite and PostgreSQL alike); the table is cms.api.models.ContentGeneration's.
GENERATION_SQL = 'SELECT "value", "changed_at", "next_change_at" FROM "cms_api_contentgeneration" WHERE "id" = 1'


def _read_generation():
    """The row, by primary key, in plain SQL: every public request reads it (the fast path's 304s
    and hits too), and building and compiling the ORM query cost ~290 of its ~320 us (SQLite)."""
    with connection.cursor() as cursor:
        cursor.execute(GENERATION_SQL)
        row = cursor.fetchone()
    if row is None:
        return Generation(0, None, None)
    return Generation(int(row[0]), as_datetime(row[1]), as_datetime(row[2]))


def as_datetime(value):
    """What the ORM makes of a stored datetime: SQLite gives text in UTC, PostgreSQL an aware value."""
    if value is None or isinstance(value, datetime) and timezone.is_aware(value):
        return value
    value = parse_datetime(value) if isinstance(value, str) else value
    return timezone.make_aware(value, dt_timezone.utc) if timezone.is_naive(value) else value


def _cache_key(request, generation):
    query = sorted(request.GET.lists())
    # Everything the response depends on: the path, the query and Accept (406 for text/html).
    accept = request.headers.get("Accept", "")
    digest = hashlib.sha256(f"{request.path}?{query!r}\n{accept}".encode()).hexdigest()[:40]
    return f"cms_api:r:{generation.value}:{digest}"


def _timeout(generation):
    timeout = server_timeout()
    if generation.next_change_at:
        remaining = (generation.next_change_at - timezone.now()).total_seconds()
        timeout = max(1, min(timeout, int(remaining)))
    return timeout


def _etag_matches(header, etag):
    if not header:
        return False
    candidates = {candidate.strip().removeprefix("W/") for candidate in header.split(",")}
    return "*" in candidates or etag in candidates


def _apply_headers(response, entry, generation, cache_control):
    response["ETag"] = entry["etag"]
    response["Cache-Control"] = cache_control
    if generation.changed_at:
        response["Last-Modified"] = http_date(generation.changed_at.timestamp())
    return response


def cached_public_response(view=None, *, max_age_seconds=None, swr_seconds=None, one_at_a_time=False):
    """Decorate a public, anonymous, GET-only view: server cache + ETag/304 + Cache-Control.

    Usable on plain Django views (calendar, ICS, screens feed, RSS) and DRF viewsets alike.
    ``one_at_a_time``: a worker process builds one such response at a time (the calendar and the
    ICS, megabytes each): threads that missed the same entry wait and read what the first one
    stored, instead of each building it after a publish; and concurrent builds of different ones
    hold one body's worth of memory, not one per thread (under the GIL they took turns anyway).
    """

    def decorator(view_func):
        def build(request, key, generation, args, kwargs):
            response = view_func(request, *args, **kwargs)
            if getattr(response, "streaming", False) or response.status_code not in CACHEABLE_STATUSES:
                return response, None
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            content = response.content
            entry = {
                "status": response.status_code,
                "content": content,
                "content_type": response["Content-Type"],
                "etag": '"' + hashlib.sha256(content).hexdigest()[:32] + '"',
            }
            if response.status_code == 200:
                # Errors are not stored: random bad URLs must not fill the cache (one key each).
                cache.set(key, entry, _timeout(generation))
            return response, entry

        @functools.wraps(view_func)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view_func(request, *args, **kwargs)
            generation = current_generation(request)
            key = _cache_key(request, generation)
            entry = cache.get(key)
            response = None
            if entry is None and one_at_a_time:
                with _BUILDING:
                    entry = cache.get(key)  # stored by another thread while this one waited
                    if entry is None:
                        response, entry = build(request, key, generation, args, kwargs)
            elif entry is None:
                response, entry = build(request, key, generation, args, kwargs)
            if entry is None:
                return response
            if response is None:
                response = HttpResponse(entry["content"], status=entry["status"], content_type=entry["content_type"])
            age = max_age() if max_age_seconds is None else max_age_seconds
            swr = stale_while_revalidate() if swr_seconds is None else swr_seconds
            if entry["status"] != 200:
                age, swr = min(age, ERROR_MAX_AGE), 0  # a CDN keeps a 4xx only briefly
            cache_control = f"public, max-age={age}, stale-while-revalidate={swr}"
            if entry["status"] == 200 and _etag_matches(request.headers.get("If-None-Match"), entry["etag"]):
                return _apply_headers(HttpResponseNotModified(), entry, generation, cache_control)
            return _apply_headers(response, entry, generation, cache_control)

        return wrapper

    return decorator(view) if view is not None else decorator
