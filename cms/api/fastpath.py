"""A WSGI layer that answers repeat public reads before Django's middleware and URL resolution.

Like whitenoise for static files: an anonymous GET of a public API URL whose complete response
(status, every header the middleware stack added - CORS, Vary, security headers - and body) was
seen before under the same content generation is answered from a per-process copy of that
response, and its ``If-None-Match`` revalidation from the copy of Django's own 304. The key holds
the content generation (cms.api.cache, one primary-key query, with its scheduled-change handling),
the URL and every request header the response may vary on, so a copy is byte for byte what the
full stack would answer now. Anything else (other methods, cookies, credentials, the screens'
feeds that record their polls, responses that are not ``public`` with an ETag) goes to Django.
"""

import threading
from collections import OrderedDict

from django.db import close_old_connections

PREFIXES = ("/api/v2/",)
SKIP_PREFIXES = ("/api/v2/screens/", "/api/v2/preview/")
KEY_HEADERS = ("HTTP_HOST", "HTTP_ORIGIN", "HTTP_ACCEPT_LANGUAGE", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")
BYPASS_HEADERS = ("HTTP_COOKIE", "HTTP_AUTHORIZATION", "HTTP_ACCESS_CONTROL_REQUEST_METHOD")
MAX_ENTRIES = 256
MAX_BODY = 512 * 1024  # larger bodies (the ICS) stay in the server cache only: worker memory
HANDLED_VARY = {"origin", "accept-language", "cookie"}


class FastPublicReads:
    def __init__(self, app, max_entries=MAX_ENTRIES, manage_connections=True):
        self.app = app
        self.manage_connections = manage_connections  # as Django's handler does; tests keep theirs
        self.max_entries = max_entries
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        key = self._key(environ)
        if key is None:
            return self.app(environ, start_response)
        from cms.ratelimit import COUNTED, count

        environ[COUNTED] = count(environ)  # the rate limit holds here too; Django's middleware answers the 429
        if environ[COUNTED]:
            return self.app(environ, start_response)
        inm = environ.get("HTTP_IF_NONE_MATCH")
        base = self._get(key)
        if base is not None:
            if not inm:
                return self._replay(base, start_response)
            if _etag_matches(inm, base["etag"]):
                not_modified = self._get((*key, 304))
                if not_modified is not None:
                    return self._replay(not_modified, start_response)
        return self._capture(environ, start_response, key, inm, base)

    def _key(self, environ):
        path = environ.get("PATH_INFO", "")
        if environ.get("REQUEST_METHOD") != "GET" or not path.startswith(PREFIXES) or path.startswith(SKIP_PREFIXES):
            return None
        if any(environ.get(name) for name in BYPASS_HEADERS):
            return None
        from cms.api.cache import current_generation

        if self.manage_connections:
            close_old_connections()
        try:
            generation = current_generation().value
        finally:
            if self.manage_connections:
                close_old_connections()
        extra = tuple(environ.get(name, "") for name in KEY_HEADERS)
        return (generation, environ.get("wsgi.url_scheme", ""), path, environ.get("QUERY_STRING", ""), *extra)

    def _get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def _put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)

    @staticmethod
    def _replay(entry, start_response):
        start_response(entry["status"], list(entry["headers"]))
        return [entry["body"]]

    def _capture(self, environ, start_response, key, inm, base):
        seen = {}

        def remember(status, headers, exc_info=None):
            seen["status"], seen["headers"] = status, list(headers)
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        result = self.app(environ, remember)
        if getattr(result, "streaming", False) or not hasattr(result, "content"):
            return result
        entry = {"status": seen.get("status", ""), "headers": seen.get("headers", []), "body": result.content}
        code = entry["status"][:3]
        if _storable(entry) and ((code == "200" and not inm) or (code == "304" and base is not None)):
            if code == "304":
                if _header(entry, "ETag") == base["etag"]:
                    self._put((*key, 304), entry)
            else:
                entry["etag"] = _header(entry, "ETag")
                self._put(key, entry)
        return result


def _header(entry, name):
    wanted = name.lower()
    return next((value for header, value in entry["headers"] if header.lower() == wanted), None)


def _storable(entry):
    cache_control = _header(entry, "Cache-Control") or ""
    vary = {part.strip().lower() for part in (_header(entry, "Vary") or "").split(",") if part.strip()}
    return (
        cache_control.startswith("public")
        and _header(entry, "ETag")
        and not _header(entry, "Set-Cookie")
        and vary <= HANDLED_VARY
        and len(entry["body"]) <= MAX_BODY
    )


def _etag_matches(header, etag):
    candidates = {candidate.strip().removeprefix("W/") for candidate in header.split(",")}
    return "*" in candidates or etag in candidates
