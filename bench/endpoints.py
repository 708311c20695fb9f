"""What the harness measures: one row per endpoint. Edit this list when the API changes.

`path` and header values are templates filled from the probe's context ({news_id}, {news_path},
{month_from}, {month_to}, {screen_slug}, {search}); a header value "{etag:NAME}" is the ETag
that endpoint NAME returned just before the run. An endpoint answering 404 is reported as
"missing", never as a crash, so the harness can be rerun unchanged when the API grows.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    headers: dict = field(default_factory=dict)
    scaling: bool = False  # also measured at the smaller scales
    load: bool = True  # False: query count only (no wrk run)
    static: bool = False  # served by whitenoise, no Django view: no query count
    expect: int = 200
    bust: bool = False  # every request carries a unique `_=`: all cache misses (report.lua)
    connections: int | None = None  # wrk connections, when not --connections
    miss_goal_ms: float | None = None  # issue 14: cache-miss p50 target
    # A baseline mounted only in the bench (the stock Wagtail API): measured after everything else,
    # so what it leaves in the workers does not count against ours, and outside the memory target.
    reference: bool = False


LISTING = "/api/v2/pages/?type=news.NewsPage&fields=*&limit=20"

ENDPOINTS = [
    Endpoint("listing", LISTING, scaling=True),
    Endpoint("listing_304", LISTING, {"If-None-Match": "{etag:listing}"}, expect=304),
    Endpoint("listing_50", "/api/v2/pages/?type=news.NewsPage&fields=*&limit=50", load=False),
    Endpoint("static_listing", "/bench-static/listing.json", static=True),
    Endpoint(
        "static_listing_304",
        "/bench-static/listing.json",
        {"If-None-Match": "{etag:static_listing}"},
        static=True,
        expect=304,
    ),
    Endpoint("detail", "/api/v2/pages/{news_id}/"),
    Endpoint("resolve", "/api/v2/resolve/?path={news_path}"),
    Endpoint("calendar_month", "/api/v2/calendar/?from={month_from}&to={month_to}", scaling=True),
    Endpoint("calendar_ics", "/api/v2/calendar.ics"),
    Endpoint("screen_feed", "/api/v2/screens/{screen_slug}/"),
    Endpoint("screen_feed_304", "/api/v2/screens/{screen_slug}/", {"If-None-Match": "{etag:screen_feed}"}, expect=304),
    Endpoint("search", "/api/v2/pages/?type=news.NewsPage&search={search}&limit=20", scaling=True),
]

# Cache misses under load (issue 14): a unique `_=` per request defeats the server cache and the
# fast path. Two connections (one per core of the bench machine), each request on a new one
# (`Connection: close`): gunicorn does not spread keep-alive connections, whichever worker accepts
# first keeps them, and both went to one worker in 4 of 9 runs tried - that run's p50 doubled
# (PostgreSQL detail miss: 35 ms when the two were on different workers, 70 ms on one) while the other
# worker sat idle. A new connection per request goes to the worker that is free, as a proxy without
# pinned upstream connections would send it. The screen feed refuses unknown parameters (`_`
# included), so its misses are measured in process only (bench/misses.py).
MISS_CONNECTIONS = 2
MISS_HEADERS = {"Connection": "close"}
ENDPOINTS += [
    Endpoint(
        f"{name}_miss",
        path,
        MISS_HEADERS,
        scaling=scaling,
        bust=True,
        connections=MISS_CONNECTIONS,
        miss_goal_ms=goal,
    )
    for name, path, scaling, goal in [
        ("listing", LISTING, True, 60),
        ("detail", "/api/v2/pages/{news_id}/", False, 60),
        ("resolve", "/api/v2/resolve/?path={news_path}", False, 60),
        ("calendar_month", "/api/v2/calendar/?from={month_from}&to={month_to}", True, 60),
        ("calendar_year", "/api/v2/calendar/?from={year_from}&to={year_to}", False, 100),
        ("calendar_ics", "/api/v2/calendar.ics", False, 250),
        ("rss", "/feeds/noticias/", False, None),
    ]
]

ENDPOINTS.append(
    Endpoint(
        "stock_listing",
        "/bench/stock/pages/?type=news.NewsPage&fields=*&rich_text_format=html&limit=20",
        reference=True,
    )
)
REFERENCES = {e.name for e in ENDPOINTS if e.reference}

# The file the static baseline serves: the listing's exact bytes, written by bench/probe.py.
STATIC_LISTING_FILE = "bench-static/listing.json"
STATIC_SOURCE = "listing"

# Publish-to-visible polls these (the newest press note is on the listing's first page).
PUBLISH_POLL = {"detail": "/api/v2/pages/{news_id}/", "listing": LISTING}


def fill(template, context):
    return template.format(**context)


def etag_ref(value):
    """'{etag:listing}' -> 'listing'; anything else -> None."""
    if value.startswith("{etag:") and value.endswith("}"):
        return value[len("{etag:") : -1]
    return None
