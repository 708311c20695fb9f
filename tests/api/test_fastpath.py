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
from cms.api.fastpath import REPLAYED, FastPublicReads

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


def call(app, path=LISTING, query=QUERY, method="GET", environ_out=None, **headers):
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
    if environ_out is not None:
        environ_out.append(environ)
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


def kept(fast, **kwargs):
    """A response the fast path keeps: it keeps a body the second time Django answers its URL.

    (The first answer, a server-cache miss, also carries DRF's ``Allow``; later ones, server-cache
    hits, do not: the copy is what the full stack answers now.)"""
    first = call(fast, **kwargs)
    second = call(fast, **kwargs)
    assert second[2] == first[2]
    return second


def test_a_repeat_read_is_byte_identical_and_skips_django(app, make_news):
    fast, inner = app
    make_news(2)
    assert call(fast, origin=WEBSITE)[0].startswith("200") and inner.calls == 1
    assert not fast.pages.entries  # a URL asked once is not kept
    slow = call(fast, origin=WEBSITE)
    assert inner.calls == 2 and len(fast.pages.entries) == 1
    environs = []
    again = call(fast, origin=WEBSITE, environ_out=environs)
    assert again == slow and inner.calls == 2
    assert environs[0][REPLAYED] is True  # gunicorn.conf.py collects no garbage after these
    assert header(again[1], "Access-Control-Allow-Origin") == WEBSITE


def test_a_304_is_byte_identical_to_djangos(app, make_news):
    fast, inner = app
    make_news(1)
    first = kept(fast)
    etag = etag_of(first[1])
    slow_304 = call(fast, if_none_match=etag)
    assert slow_304[0].startswith("304") and inner.calls == 3
    assert call(fast, if_none_match=etag) == slow_304 and inner.calls == 3  # an empty 304 is kept at once
    # A stale ETag gets the full body, the same bytes as without one.
    assert call(fast, if_none_match='"stale"')[2] == first[2]


def test_each_origin_gets_what_django_answers_it(app, make_news):
    fast, inner = app
    make_news(1)
    allowed, refused = kept(fast, origin=WEBSITE), kept(fast, origin="https://otro-sitio.example")
    assert inner.calls == 4
    assert header(refused[1], "Access-Control-Allow-Origin") is None
    assert call(fast, origin="https://otro-sitio.example") == refused
    assert call(fast, origin=WEBSITE) == allowed and inner.calls == 4


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
    kept(fast)
    _bump_now()  # what every publish does after commit
    call(fast)
    assert inner.calls == 3


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
        assert statuses == ["200", "200", "200"]  # counted once each: the misses through Django too
        assert inner.calls == 2
        limited = call(fast, REMOTE_ADDR="203.0.113.7")
        assert limited[0].startswith("429") and header(limited[1], "Retry-After")
        assert b"Too many requests" in limited[2]
        assert call(fast, REMOTE_ADDR="198.51.100.2")[0].startswith("200")  # another client is not limited


def test_memory_is_bounded_in_bytes_and_old_generations_are_dropped(app, make_news):
    fast, inner = app
    make_news(3)
    kept(fast, query=QUERY + "&limit=1")
    first_key = next(iter(fast.pages.entries))
    fast.pages.max_bytes = fast.pages.size + 1  # no room for a second body
    kept(fast, query="type=news.NewsPage&fields=title&limit=2&_=a")
    assert first_key not in fast.pages.entries and len(fast.pages.entries) == 1  # the least recently used went first
    pages = fast.pages
    assert pages.size <= pages.max_bytes and pages.size == sum(len(entry["body"]) for entry in pages.entries.values())
    fast.pages.max_bytes = 10**6
    kept(fast, query="type=news.NewsPage&fields=title&limit=3")
    assert len(fast.pages.entries) == 2
    _bump_now()
    kept(fast)
    assert len(fast.pages.entries) == 1 and fast.pages.size == len(next(iter(fast.pages.entries.values()))["body"])
    calls = inner.calls
    call(fast)
    assert inner.calls == calls  # still answered from the copy


# --- A lobby screen's feed: keyed by its settings and the audit-log ids, replayed until it expires ---
LIMA_WEDNESDAY = datetime.datetime(2026, 6, 24, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))


@pytest.fixture
def screen(db):
    from django.core.cache import cache

    from tests.factories import ScreenFactory

    cache.clear()  # feeds are cached by audit-log ids, which restart between tests
    with time_machine.travel(LIMA_WEDNESDAY, tick=False) as clock:
        yield ScreenFactory(slug="palacio-municipal", seconds_per_slide=12), clock
    cache.clear()


def poll(fast, screen, **headers):
    return call(fast, path=f"/api/v2/screens/{screen.slug}/", query="", **headers)


def test_a_screen_poll_and_its_304_are_djangos_bytes_without_django(app, screen):
    fast, inner = app
    screen, _clock = screen
    slow = poll(fast, screen, origin=WEBSITE)
    assert slow[0].startswith("200") and header(slow[1], "Cache-Control") == "no-cache" and inner.calls == 1
    assert poll(fast, screen, origin=WEBSITE) == slow and inner.calls == 2
    assert poll(fast, screen, origin=WEBSITE) == slow and inner.calls == 2
    slow_304 = poll(fast, screen, origin=WEBSITE, if_none_match=etag_of(slow[1]))
    assert slow_304[0].startswith("304") and inner.calls == 3
    assert poll(fast, screen, origin=WEBSITE, if_none_match=etag_of(slow[1])) == slow_304 and inner.calls == 3


def test_screen_settings_and_alerts_reach_the_next_poll(app, screen):
    from screens.models import Screen
    from tests.factories import AlertFactory

    fast, inner = app
    screen, _clock = screen
    poll(fast, screen), poll(fast, screen)
    Screen.objects.filter(pk=screen.pk).update(seconds_per_slide=20)  # no audit log: the settings are the key
    assert b'"seconds_per_slide": 20' in poll(fast, screen)[2] and inner.calls == 3
    AlertFactory(title="Corte de agua en el Palacio")  # published: a new audit-log row
    assert "Corte de agua" in poll(fast, screen)[2].decode() and inner.calls == 4
    poll(fast, screen), poll(fast, screen)
    assert inner.calls == 5


def test_a_copy_lasts_only_until_the_feed_expires(app, screen):
    from tests.factories import AlertFactory

    fast, inner = app
    screen, clock = screen
    AlertFactory(title="Desfile", ends_at=LIMA_WEDNESDAY + datetime.timedelta(minutes=2))
    assert b"Desfile" in poll(fast, screen)[2]
    poll(fast, screen), poll(fast, screen)
    assert inner.calls == 2
    clock.shift(datetime.timedelta(minutes=3))  # the alert has ended: nothing in the database changed
    assert b"Desfile" not in poll(fast, screen)[2] and inner.calls == 3


def test_fast_polls_still_record_that_the_screen_was_seen(app, screen):
    fast, inner = app
    screen, clock = screen
    poll(fast, screen), poll(fast, screen)
    clock.shift(datetime.timedelta(seconds=61))
    poll(fast, screen)
    screen.refresh_from_db()
    assert inner.calls == 2 and screen.last_seen_at == LIMA_WEDNESDAY + datetime.timedelta(seconds=61)


def test_unknown_screens_and_parameters_get_djangos_errors(app, screen):
    fast, inner = app
    screen, _clock = screen
    assert call(fast, path="/api/v2/screens/no-existe/", query="")[0].startswith("404")
    assert call(fast, path=f"/api/v2/screens/{screen.slug}/", query="limit=5")[0].startswith("400")
    assert call(fast, path="/api/v2/screens/no-existe/", query="")[0].startswith("404")
    assert inner.calls == 3 and not fast.screens.entries
