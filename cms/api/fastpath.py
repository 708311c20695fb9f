"""A WSGI layer that answers repeat public reads before Django's middleware and URL resolution.

Like whitenoise for static files: an anonymous GET of a public API URL whose complete response
(status, every header the middleware stack added - CORS, Vary, security headers - and body) was
seen before under the same content generation is answered from a per-process copy of that
response, and its ``If-None-Match`` revalidation from the copy of Django's own 304. The key holds
the content generation (cms.api.cache, one primary-key query, with its scheduled-change handling),
the URL and every request header the response may vary on, so a copy is byte for byte what the
full stack would answer now. Anything else (other methods, cookies, credentials, previews,
responses that are not ``public`` with an ETag) goes to Django.

A lobby screen's feed (``/api/v2/screens/<slug>/``) is keyed instead by what its view keys the
server cache by (screens.api.fast_path_version: the screen's settings and the newest audit-log
ids, one query that also records the poll) and replayed only until the feed's own expiry
(the next alert start or end, play-window edge...), which the view hands over with the response.
"""

import re
import threading
import time
from collections import OrderedDict

from django.db import close_old_connections
from django.utils import timezone

from cms.api.cache import current_generation
from cms.ratelimit import COUNTED, count
from screens.api import fast_path_version

PREFIXES = ("/api/v2/",)
SKIP_PREFIXES = ("/api/v2/screens/", "/api/v2/preview/")
SCREEN_FEED = re.compile(r"/api/v2/screens/([-a-zA-Z0-9_]+)/")
SEEN_PER_ENTRY = 4  # keys remembered as answered once, per copy a store may hold
MAX_SCREENS = 64  # feeds held per worker (one per screen and CORS origin, a few KB each)
MAX_SCREEN_BYTES = 1024 * 1024
KEY_HEADERS = ("HTTP_HOST", "HTTP_ORIGIN", "HTTP_ACCEPT_LANGUAGE", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")
BYPASS_HEADERS = ("HTTP_COOKIE", "HTTP_AUTHORIZATION", "HTTP_ACCESS_CONTROL_REQUEST_METHOD")
MAX_ENTRIES = 256
# Larger bodies stay in the server cache only. The full ICS (1.5 MB at 20,000 notes) fits: one
# copy held costs less than the three it took per request to fetch it from the cache (issue 14).
MAX_BODY = 2 * 1024 * 1024
MAX_BYTES = 8 * 1024 * 1024  # all copies of one worker together (bodies); least recently used go first
REPLAYED = "cms.fastpath.replayed"  # WSGI environ key: answered from a copy
HANDLED_VARY = {"origin", "accept-language", "cookie"}


class Store:
    """Per-process copies of responses: least recently used go first, bounded in count and bytes.

    With ``generational``, the first element of a key is the content generation: a newer one drops
    every copy (they would never be read again) and an older one is not stored.

    With ``timed``, a copy is kept only with the time it stops being valid, which the view hands
    over as ``response.fast_path_until``; ``cache_controls`` are the Cache-Control values a copy may
    have (a screen feed's ``no-cache``: every poll revalidates, and reaches this layer).

    A body is kept the second time its key is answered, not the first: URLs asked once (a
    cache-busting parameter, a crawler) would otherwise push out the ones asked all the time and
    hold up to ``max_bytes`` of bodies per worker for nothing.
    """

    def __init__(self, max_entries, max_bytes, generational=False, timed=False, cache_controls=("public",)):
        self.max_entries, self.max_bytes, self.generational = max_entries, max_bytes, generational
        self.timed, self.cache_controls = timed, cache_controls
        self.entries = OrderedDict()
        self.seen = OrderedDict()  # keys answered once since the last generation (no bodies)
        self.size = 0  # bytes of the bodies held
        self.generation = None
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry.get("until") is not None and time.time() >= entry["until"]:
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            if self.generational and key[0] != self.generation:
                if self.generation is not None and key[0] < self.generation:
                    return  # a slow request of an older generation
                self.entries.clear()
                self.seen.clear()
                self.size, self.generation = 0, key[0]
            if entry["body"] and key not in self.seen:  # an empty 304 costs nothing to keep
                self.seen[key] = None
                while len(self.seen) > SEEN_PER_ENTRY * self.max_entries:
                    self.seen.popitem(last=False)
                return
            if key in self.entries:
                self._drop(key)
            self.entries[key] = entry
            self.size += len(entry["body"])
            while self.entries and (len(self.entries) > self.max_entries or self.size > self.max_bytes):
                self._drop(next(iter(self.entries)))

    def _drop(self, key):
        self.size -= len(self.entries.pop(key)["body"])


class FastPublicReads:
    def __init__(self, app, max_entries=MAX_ENTRIES, manage_connections=True, max_bytes=MAX_BYTES):
        self.app = app
        self.manage_connections = manage_connections  # as Django's handler does; tests keep theirs
        self.pages = Store(max_entries, max_bytes, generational=True)
        self.screens = Store(MAX_SCREENS, MAX_SCREEN_BYTES, timed=True, cache_controls=("no-cache",))

    def __call__(self, environ, start_response):
        route = self._route(environ)
        if route is None:
            return self.app(environ, start_response)
        store, key = route
        environ[COUNTED] = count(environ)  # the rate limit holds here too; Django's middleware answers the 429
        if environ[COUNTED]:
            return self.app(environ, start_response)
        inm = environ.get("HTTP_IF_NONE_MATCH")
        base = store.get(key)
        if base is not None:
            if not inm:
                return self._replay(environ, base, start_response)
            if _etag_matches(inm, base["etag"]):
                not_modified = store.get((*key, 304))
                if not_modified is not None:
                    return self._replay(environ, not_modified, start_response)
        return self._capture(environ, start_response, store, key, inm, base)

    def _route(self, environ):
        """(store, key) of a request the fast path may answer, else None."""
        path = environ.get("PATH_INFO", "")
        if environ.get("REQUEST_METHOD") != "GET" or not path.startswith(PREFIXES):
            return None
        if any(environ.get(name) for name in BYPASS_HEADERS):
            return None
        screen = SCREEN_FEED.fullmatch(path)
        if screen is None and path.startswith(SKIP_PREFIXES):
            return None
        if screen is not None and environ.get("QUERY_STRING"):
            return None  # the feed takes no parameters: Django answers the 400
        version = self._version(screen.group(1) if screen else None)
        if version is None:
            return None
        extra = tuple(environ.get(name, "") for name in KEY_HEADERS)
        key = (version, environ.get("wsgi.url_scheme", ""), path, environ.get("QUERY_STRING", ""), *extra)
        return (self.screens if screen else self.pages), key

    def _version(self, screen_slug):
        """The content generation, or a screen's feed version (None: no such screen)."""
        if self.manage_connections:
            close_old_connections()
        try:
            if screen_slug is None:
                return current_generation().value
            return fast_path_version(screen_slug, timezone.now())
        finally:
            if self.manage_connections:
                close_old_connections()

    @staticmethod
    def _replay(environ, entry, start_response):
        environ[REPLAYED] = True  # gunicorn.conf.py: nothing of Django's to collect after this one
        start_response(entry["status"], list(entry["headers"]))
        return [entry["body"]]

    def _capture(self, environ, start_response, store, key, inm, base):
        seen = {}

        def remember(status, headers, exc_info=None):
            seen["status"], seen["headers"] = status, list(headers)
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        result = self.app(environ, remember)
        if getattr(result, "streaming", False) or not hasattr(result, "content"):
            return result
        headers = seen.get("headers", [])
        length = _header(headers, "Content-Length")
        if length is None or not length.isdigit() or int(length) > MAX_BODY:
            return result  # too large to keep: do not copy its body (``content`` joins the chunks)
        entry = {"status": seen.get("status", ""), "headers": headers, "body": result.content}
        if store.timed:
            entry["until"] = getattr(result, "fast_path_until", None)
        code = entry["status"][:3]
        if _storable(entry, store) and ((code == "200" and not inm) or (code == "304" and base is not None)):
            if code == "304":
                if _header(headers, "ETag") == base["etag"]:
                    store.put((*key, 304), entry)
            else:
                entry["etag"] = _header(headers, "ETag")
                store.put(key, entry)
        return result


def _header(headers, name):
    wanted = name.lower()
    return next((value for header, value in headers if header.lower() == wanted), None)


def _storable(entry, store):
    """A complete response with an ETag, of a Cache-Control the store keeps (and its expiry if timed)."""
    headers = entry["headers"]
    cache_control = _header(headers, "Cache-Control") or ""
    vary = {part.strip().lower() for part in (_header(headers, "Vary") or "").split(",") if part.strip()}
    return (
        cache_control.startswith(store.cache_controls)
        and (not store.timed or entry["until"] is not None)
        and _header(headers, "ETag")
        and not _header(headers, "Set-Cookie")
        and vary <= HANDLED_VARY
    )


def _etag_matches(header, etag):
    candidates = {candidate.strip().removeprefix("W/") for candidate in header.split(",")}
    return "*" in candidates or etag in candidates
