"""In-process probe, run before each server start: the context the endpoint templates need,
SQL queries per request (Django test client + CaptureQueriesContext, cache cold and warm),
and the static baseline file (the listing's exact bytes).

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.probe OUT.json
"""

import calendar
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import quote, quote_plus

import django

SEARCH_TERM = "Inti Raymi"
FROM = re.compile(r'\bFROM "?(\w+)"?')


def context():
    from django.utils import timezone

    from cms.benchdata.pools import SCREEN_SLUG
    from news.models import NewsPage

    newest = NewsPage.objects.live().order_by("-date").first()
    today = timezone.localdate()
    last_day = calendar.monthrange(today.year, today.month)[1]
    page_path = newest.get_url_parts()[2] if newest else "/"
    return {
        "news_id": newest.pk if newest else 0,
        "news_title": newest.title if newest else "",
        "news_path": quote(page_path, safe=""),
        "month_from": today.replace(day=1).isoformat(),
        "month_to": today.replace(day=last_day).isoformat(),
        "year_from": today.replace(month=1, day=1).isoformat(),
        "year_to": today.replace(month=12, day=31).isoformat(),
        "screen_slug": SCREEN_SLUG,
        "search": quote_plus(SEARCH_TERM),
        "page_count": NewsPage.objects.count(),
    }


def header_kwargs(headers):
    return {"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()}


def fetch(client, path, headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **header_kwargs(headers))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body, queries.captured_queries


def top_tables(queries, count=5):
    """Which tables the queries read most: where an N+1 comes from."""
    tables = Counter(m.group(1) for q in queries if (m := FROM.search(q["sql"])))
    return dict(tables.most_common(count))


def probe_endpoint(client, endpoint, ctx, etags):
    """Queries with a cold cache, then warm; the ETag for the 304 variants."""
    from django.core.cache import caches

    from bench.endpoints import etag_ref, fill

    headers = {}
    for name, value in endpoint.headers.items():
        ref = etag_ref(value)
        if ref and not etags.get(ref):
            return {"status": "no_etag", "detail": f"{ref} sent no ETag"}
        headers[name] = etags[ref] if ref else fill(value, ctx)
    path = fill(endpoint.path, ctx)
    # "Cold" is the server cache, as after a publish, in a process that already served a request:
    # the first request of a process also fills Django's ContentType cache (4 more queries on the
    # listing, which made 20 items look costlier than 50 in the report).
    fetch(client, path, headers)
    for alias in ("default", "renditions"):
        caches[alias].clear()
    cold, body, cold_queries = fetch(client, path, headers)
    warm, _body, warm_queries = fetch(client, path, headers)
    etags[endpoint.name] = cold.get("ETag", "")
    result = {
        "path": path,
        "http_status": cold.status_code,
        "queries_cold": len(cold_queries),
        "queries_warm": len(warm_queries),
        "query_tables": top_tables(cold_queries),
        "bytes": len(body),
        "etag": bool(cold.get("ETag")),
        "cache_control": cold.get("Cache-Control", ""),
        "content_type": cold.get("Content-Type", ""),
    }
    result["status"] = "missing" if cold.status_code == 404 else "ok"
    if cold.status_code != 404 and cold.status_code != endpoint.expect:
        result["status"] = "unexpected_status"
    return result, body


def write_static(www, body):
    from bench.endpoints import STATIC_LISTING_FILE

    target = Path(www) / STATIC_LISTING_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
    return str(target)


def main(out_path):
    django.setup()
    from django.conf import settings
    from django.test import Client

    from bench.endpoints import ENDPOINTS, STATIC_SOURCE

    ctx = context()
    client = Client(HTTP_HOST="localhost")
    etags, probes, static_file = {}, {}, None
    only = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))  # bench.run --only
    for endpoint in ENDPOINTS:
        if only and endpoint.name not in only:
            continue
        if endpoint.static:
            probes[endpoint.name] = {"status": "static", "queries_cold": 0, "queries_warm": 0}
            continue
        outcome = probe_endpoint(client, endpoint, ctx, etags)
        if isinstance(outcome, dict):  # could not be probed (a 304 variant without an ETag to send)
            probes[endpoint.name] = outcome
            continue
        result, body = outcome
        probes[endpoint.name] = result
        if endpoint.name == STATIC_SOURCE and result["status"] == "ok":
            static_file = write_static(settings.BENCH_WWW, body)
    Path(out_path).write_text(json.dumps({"context": ctx, "probes": probes, "static_file": static_file}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
