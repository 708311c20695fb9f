"""`/api/v2/screens/<slug>/`: one display's feed, cached, with ETag/304 and a cheap "last seen".

Cache validity: the cached feed is keyed by a *content version* read from the database in
the same query that loads the screen: the newest id of Wagtail's page and model audit logs.
Every publish, unpublish, delete, move or view-restriction change (pages and alerts alike,
including scheduled publishing run by the worker process) writes one of those rows, so a
change made in any process is seen by every process on its next poll. Signal-based
invalidation would only clear the cache of the process that published: with the default
local-memory cache and two gunicorn workers plus the worker process, that is not enough.
Time alone (an alert starting or ending, the play window, an activity ending) is handled by
storing the feed only until its next such instant (screens.feed.build_feed).
"""

import functools
import hashlib
import json
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_slug
from django.db import OperationalError, connection
from django.db.models import Subquery
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils import timezone
from django.utils.http import parse_etags
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import ModelLogEntry, PageLogEntry

from cms.api.cache import as_datetime
from cms.api.schema.registry import (
    JSON,
    NOT_MODIFIED,
    URI_TOO_LONG,
    cache_headers,
    error_response,
    query_param,
    register_openapi,
)
from events.choices import EventStatus
from screens.feed import build_feed
from screens.models import SEEN_WRITE_INTERVAL, Alert, Screen

logger = logging.getLogger(__name__)
CACHE_PREFIX = "screens:feed"
CACHE_CONTROL = "no-cache"  # shared caches may keep it but must revalidate: every poll reaches us
CONFIG_FIELDS = (
    "name",
    "building",
    "orientation",
    "play_from",
    "play_until",
    "play_days",
    "show_news",
    "show_events",
    "items",
    "seconds_per_slide",
    "poll_seconds",
    "locale",
)


def error(status, message, **headers):
    response = JsonResponse({"message": message}, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name] = value
    return response


def _screen_query(slug):
    newest = {
        "page_version": Subquery(PageLogEntry.objects.order_by("-pk").values("pk")[:1]),
        "model_version": Subquery(ModelLogEntry.objects.order_by("-pk").values("pk")[:1]),
    }
    return Screen.objects.annotate(**newest).filter(slug=slug)  # unique: at most one row


@functools.cache
def _screen_sql(vendor, columns=None):
    """The query's SQL, built once per database vendor: building it took the ORM 850 µs, running it 33.

    ``columns``: the row holds only these (in this order) instead of the screen's fields and versions.
    """
    query = _screen_query("slug")
    sql, params = (query.values_list(*columns) if columns else query).query.sql_with_params()
    if list(params) != ["slug"]:  # the slug must be its only parameter
        raise ImproperlyConfigured(f"screen query parameters changed: {params}")
    return sql


def load_screen(slug):
    """The screen and the content version, in one query."""
    try:
        validate_slug(slug)
    except ValidationError:
        return None
    return next(iter(Screen.objects.raw(_screen_sql(connection.vendor), [slug])), None)


# What a copy of the feed depends on, as stored: every setting, and the newest audit-log ids.
FAST_COLUMNS = (
    "id",
    "last_seen_at",
    *(f.attname for f in Screen._meta.concrete_fields if f.attname not in ("id", "last_seen_at")),
    "page_version",
    "model_version",
)


def fast_path_version(slug, now):
    """For cms.api.fastpath: what a copy of this screen's feed is keyed by, after recording the poll.

    None when there is no such screen (Django answers the 404). It reads the same row as the view,
    as stored (no model instance: a fifth of the cost), so the key holds every column the view's
    key holds and more. One query per poll, plus ``record_poll``'s write at most once a minute.
    """
    with connection.cursor() as cursor:
        cursor.execute(_screen_sql(connection.vendor, FAST_COLUMNS), [slug])
        row = cursor.fetchone()
    if row is None:
        return None
    record_poll(row[0], slug, as_datetime(row[1]), now)
    return row[2:]


def cache_key(screen):
    config = json.dumps([getattr(screen, name) for name in CONFIG_FIELDS], cls=DjangoJSONEncoder)
    digest = hashlib.sha256(config.encode()).hexdigest()[:16]
    return f"{CACHE_PREFIX}:{screen.slug}:{screen.page_version}:{screen.model_version}:{digest}"


def cached_feed(screen, now):
    """(body bytes, ETag, valid until as a timestamp) of the screen's feed, from the cache or freshly built."""
    key = cache_key(screen)
    cached = cache.get(key)
    if cached is not None and now.timestamp() < cached["valid_until"]:
        return cached["body"], cached["etag"], cached["valid_until"]
    feed, valid_until = build_feed(screen, now)
    body = json.dumps(feed, ensure_ascii=False, cls=DjangoJSONEncoder).encode()
    etag = '"%s"' % hashlib.sha256(body).hexdigest()[:32]
    timeout = max(1, int((valid_until - now).total_seconds()))
    cache.set(key, {"body": body, "etag": etag, "valid_until": valid_until.timestamp()}, timeout)
    return body, etag, valid_until.timestamp()


def record_poll(pk, slug, last_seen_at, now):
    """Store the poll time only when the stored one is older than SEEN_WRITE_INTERVAL."""
    if last_seen_at is None or now - last_seen_at >= SEEN_WRITE_INTERVAL:
        try:
            Screen.objects.filter(pk=pk).update(last_seen_at=now)
        except OperationalError:
            # Bookkeeping only: a held write lock (SQLite) must not keep the feed from the screen.
            logger.warning("Could not record the poll of screen %s: database busy", slug)


def etag_matches(request, etag):
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    wanted = {tag.removeprefix("W/") for tag in parse_etags(header)}
    return "*" in wanted or etag in wanted


@csrf_exempt  # read-only; lets other methods get the JSON 405 instead of the CSRF page
def screen_feed(request, slug):
    if request.method not in ("GET", "HEAD"):
        return error(405, "Method not allowed: use GET.", Allow="GET, HEAD")
    if request.GET:
        names = ", ".join(sorted(request.GET))
        return error(400, f"Unknown query parameter(s): {names}. This endpoint takes none.")
    screen = load_screen(slug)
    if screen is None:
        return error(404, f"No screen with slug '{slug[:64]}'.")
    now = timezone.now()
    body, etag, valid_until = cached_feed(screen, now)
    record_poll(screen.pk, screen.slug, screen.last_seen_at, now)
    if etag_matches(request, etag):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response.fast_path_until = valid_until  # how long cms.api.fastpath may replay it for this screen version
    return response


# --- /api/schema/ (cms.api autodiscovers this module at start-up) ---
def _object(properties):
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


_DATETIME = {"type": "string", "format": "date-time"}
_NO_STORE = {"Cache-Control": {"description": "no-store", "required": True, "schema": {"type": "string"}}}
_LOCALE = {
    "type": "string",
    "enum": [code for code, _name in settings.LANGUAGES],
    "description": "Idioma del texto: el de la pantalla, o es si la página aún no tiene traducción publicada.",
}
_SLIDES = {
    "news": _object(
        {
            "type": {"type": "string", "enum": ["news"]},
            "id": {"type": "integer"},
            "headline": {"type": "string"},
            "date": _DATETIME,
            "locale": _LOCALE,
            "image": {
                "anyOf": [
                    _object(
                        {
                            "url": {"type": "string"},
                            "width": {"type": "integer"},
                            "height": {"type": "integer"},
                            "alt": {"type": "string"},
                        }
                    ),
                    {"type": "null"},
                ]
            },
        }
    ),
    "event": _object(
        {
            "type": {"type": "string", "enum": ["event"]},
            "id": {"type": "integer"},
            "headline": {"type": "string"},
            "start": {**_DATETIME, "description": "Inicio de la ocurrencia (las recurrentes se expanden)."},
            "end": _DATETIME,
            "all_day": {"type": "boolean"},
            "place": {"type": "string"},
            "status": {"type": "string", "enum": list(EventStatus.values)},
            "status_label": {"type": "string"},
            "status_reason": {"type": "string"},
            "locale": _LOCALE,
        }
    ),
}
_FEED = _object(
    {
        "screen": _object(
            {
                "slug": {"type": "string"},
                "name": {"type": "string"},
                "building": {"type": "string"},
                "orientation": {"type": "string", "enum": list(Screen.Orientation.values)},
                "locale": {"type": "string", "description": "Idioma elegido para la pantalla."},
            }
        ),
        "standby": {"type": "boolean", "description": "Fuera de horario: solo alertas de emergencia."},
        "poll_after": {"type": "integer", "minimum": 1, "description": "Segundos hasta la próxima consulta."},
        "seconds_per_slide": {"type": "integer", "minimum": 1},
        "schedule": _object(
            {
                "play_from": {"type": "string", "pattern": r"^\d{2}:\d{2}$"},
                "play_until": {"type": "string", "pattern": r"^\d{2}:\d{2}$"},
                "play_days": {"type": "string", "pattern": "^[1-7]*$", "description": "Días ISO, 1 = lunes."},
                "time_zone": {"type": "string"},
            }
        ),
        "alerts": {
            "type": "array",
            "items": _object(
                {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "message": {"type": "string"},
                    "severity": {"type": "string", "enum": list(Alert.Severity.values)},
                    "severity_label": {"type": "string"},
                    "starts_at": _DATETIME,
                    "ends_at": _DATETIME,
                }
            ),
        },
        "slides": {
            "type": "array",
            "items": {"anyOf": [{"$ref": f"#/components/schemas/ScreenSlide.{kind}"} for kind in _SLIDES]},
        },
    }
)

register_openapi(
    tags=[{"name": "screens", "description": "Pantallas de los locales municipales."}],
    components={"ScreenFeed": _FEED, **{f"ScreenSlide.{kind}": schema for kind, schema in _SLIDES.items()}},
    paths={
        "/api/v2/screens/{slug}/": {
            "get": {
                "summary": "El contenido de una pantalla",
                "description": "Alertas vigentes primero (la más grave arriba), luego diapositivas. "
                "Cache-Control: no-cache (revalidar en cada consulta con If-None-Match).",
                "tags": ["screens"],
                "parameters": [
                    query_param(
                        "slug",
                        "Identificador de la pantalla.",
                        {"type": "string", "example": "palacio-municipal"},
                        location="path",
                        required=True,
                    )
                ],
                "responses": {
                    "200": {
                        "description": "El contenido de la pantalla ahora.",
                        "headers": cache_headers(),
                        "content": {JSON: {"schema": {"$ref": "#/components/schemas/ScreenFeed"}}},
                    },
                    "304": NOT_MODIFIED,
                    "400": error_response("Este endpoint no acepta parámetros de consulta.", _NO_STORE),
                    "404": error_response("No hay pantalla con ese identificador.", _NO_STORE),
                    "414": URI_TOO_LONG,
                },
            }
        }
    },
)
