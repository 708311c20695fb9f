"""cms/api/fastpath.py: repeat public reads answered before Django's middleware, byte for byte
what the full stack answers (status, every header, body), for 200s, 304s and CORS."""

import datetime
import io
import sys

import pytest
import time_machine
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from cms.api.cache import _bump_now
from cms.api.fastpath import FastPublicReads

LISTING = "/api/v2/pages/"
QUERY = "type=news.NewsPage&fields=*"
WEBSITE = "http://localhost:3000"


class CountingApp:
    """Django's WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.django = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.django(environ, start_response)


@pytest.fixture
def app(db):
    # As Django's test client does: the test's transaction must survive the "request".
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        inner = CountingApp()
        yield FastPublicReads(inner, manage_connections=False), inner
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def call(app, path=LISTING, query=QUERY, method="GET", **headers):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    environ.update({(name if name.isupper() else "HTTP_" + name.upper()): value for name, value in headers.items()})
    seen = {}

    def start_response(status, response_headers, exc_info=None):
        seen["status"], seen["headers"] = status, list(response_headers)

    result = app(environ, start_response)
    body = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return seen["status"], seen["headers"], body


def header(headers, wanted):
    return next((value for name, value in headers if name.lower() == wanted.lower()), None)


def etag_of(headers):
    return header(headers, "ETag")


def test_a_repeat_read_is_byte_identical_and_skips_django(app, make_news):
    fast, inner = app
    make_news(2)
    slow = call(fast, origin=WEBSITE)
    assert slow[0].startswith("200") and inner.calls == 1
    again = call(fast, origin=WEBSITE)
    assert again == slow and inner.calls == 1
    assert header(again[1], "Access-Control-Allow-Origin") == WEBSITE


def test_a_304_is_byte_identical_to_djangos(app, make_news):
    fast, inner = app
    make_news(1)
    first = call(fast)
    etag = etag_of(first[1])
    slow_304 = call(fast, if_none_match=etag)
    assert slow_304[0].startswith("304") and inner.calls == 2
    assert call(fast, if_none_match=etag) == slow_304 and inner.calls == 2
    # A stale ETag gets the full body, the same bytes as without one.
    assert call(fast, if_none_match='"stale"')[2] == first[2]


def test_each_origin_gets_what_django_answers_it(app, make_news):
    fast, inner = app
    make_news(1)
    allowed, refused = call(fast, origin=WEBSITE), call(fast, origin="https://otro-sitio.example")
    assert inner.calls == 2
    assert header(refused[1], "Access-Control-Allow-Origin") is None
    assert call(fast, origin="https://otro-sitio.example") == refused
    assert call(fast, origin=WEBSITE) == allowed and inner.calls == 2


def test_preflight_cookies_and_writes_always_reach_django(app, make_news):
    fast, inner = app
    make_news(1)
    call(fast)
    preflight = call(fast, method="OPTIONS", origin=WEBSITE, access_control_request_method="GET")
    assert preflight[0].startswith("200") and header(preflight[1], "Access-Control-Allow-Origin") == WEBSITE
    call(fast, cookie="sessionid=x")
    call(fast, method="POST")
    assert inner.calls == 4


def test_a_new_content_generation_goes_back_to_django(app, make_news):
    fast, inner = app
    make_news(1)
    call(fast)
    _bump_now()  # what every publish does after commit
    call(fast)
    assert inner.calls == 2


def test_the_rate_limit_holds_on_the_fast_path_and_counts_once(app, make_news, settings):
    """A client over its limit gets Django's JSON 429 even for a URL the fast path holds."""
    from django.core.cache import cache

    fast, inner = app
    make_news(1)
    settings.API_RATE_LIMIT, settings.API_RATE_LIMIT_WINDOW = 3, 60
    cache.clear()
    # One fixed window for the whole test: a slow machine must not cross into the next minute.
    with time_machine.travel(datetime.datetime(2026, 6, 24, 12, 0, 5, tzinfo=datetime.UTC), tick=False):
        statuses = [call(fast, REMOTE_ADDR="203.0.113.7")[0][:3] for _ in range(3)]
        assert statuses == ["200", "200", "200"]  # counted once each: the miss through Django too
        assert inner.calls == 1
        limited = call(fast, REMOTE_ADDR="203.0.113.7")
        assert limited[0].startswith("429") and header(limited[1], "Retry-After")
        assert b"Too many requests" in limited[2]
        assert call(fast, REMOTE_ADDR="198.51.100.2")[0].startswith("200")  # another client is not limited
