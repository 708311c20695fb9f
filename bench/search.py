"""Cache-miss search timings, in process: ``?search=`` as the first request after a publish pays it.

Before each request the server caches are cleared and the content generation bumped (bench.misses);
p50 and best of N runs per term, wall clock and the process's CPU time (less sensitive to other work
on a shared machine), the SQL queries and ``total_count``; first the same listing without a search.
``--wagtail`` also runs the same requests with Wagtail's own database backend (what search.database
replaces), for comparison.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=... python -m bench.search [--runs 7] [--out F.json]
"""

import argparse
import json
import os
import statistics
from urllib.parse import quote_plus

import django

# "Inti Raymi" is the term of the target (bench.probe.SEARCH_TERM, ~6 % of the seeded press
# notes); "Qorikancha" a rarer place; "Cusco" is in nearly every page (the worst case: every page ranked).
TERMS = ["Inti Raymi", "Qorikancha", "Cusco"]
PATH = "/api/v2/pages/?type=news.NewsPage&search={search}&limit=20"
# The same listing without a search: what a cache miss costs before any searching.
LISTING = "/api/v2/pages/?type=news.NewsPage&limit=20"


def miss(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.misses import miss as bench_miss

    with CaptureQueriesContext(connection) as queries:
        status, _size, wall_ms, cpu_ms = bench_miss(client, path)  # the request's own time, not the cache clearing
    return status, wall_ms, cpu_ms, len(queries.captured_queries)


def measure(client, term, runs):
    path = PATH.format(search=quote_plus(term)) if term else LISTING
    total = client.get(path).json()["meta"]["total_count"]
    samples = [miss(client, path) for _ in range(runs)]
    walls = [wall for _status, wall, _cpu, _queries in samples]
    cpus = [cpu for _status, _wall, cpu, _queries in samples]
    return {
        "status": samples[0][0],
        "total_count": total,
        "queries": samples[0][3],
        "p50_ms": round(statistics.median(walls), 1),
        "best_ms": round(min(walls), 1),
        "cpu_p50_ms": round(statistics.median(cpus), 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--terms", nargs="*", default=TERMS)
    parser.add_argument("--wagtail", action="store_true", help="also Wagtail's own database backend")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    django.setup()
    from django.db import connection
    from django.test import Client, override_settings

    from news.models import NewsPage

    client = Client(HTTP_HOST="localhost")
    client.get(PATH.format(search="x"))  # imports and process-wide caches, as a running worker has
    backends = {"search.database": None}
    if args.wagtail:
        backends["wagtail"] = {"default": {"BACKEND": "wagtail.search.backends.database", **_config(connection)}}
    listing = measure(client, None, args.runs)
    print(f"{connection.vendor:10} {'listing':16} {'(no search)':14} {json.dumps(listing)}", flush=True)
    report = {
        "listing": listing,
        "database": connection.vendor,
        "press_notes": NewsPage.objects.count(),
        "load_average": os.getloadavg(),
        "results": {},
    }
    for name, backend_settings in backends.items():
        for term in args.terms:
            if backend_settings is None:
                figures = measure(client, term, args.runs)
            else:
                with override_settings(WAGTAILSEARCH_BACKENDS=backend_settings):
                    figures = measure(client, term, max(1, min(args.runs, 3)))
            report["results"].setdefault(name, {})[term] = figures
            print(f"{connection.vendor:10} {name:16} {term!r:14} {json.dumps(figures)}", flush=True)
    report["load_average_end"] = os.getloadavg()
    print(f"load average: {report['load_average']} -> {report['load_average_end']}")
    if args.out:
        with open(args.out, "w") as handle:
            json.dump(report, handle, indent=1)


def _config(connection):
    return {"SEARCH_CONFIG": "spanish_unaccent"} if connection.vendor == "postgresql" else {}


if __name__ == "__main__":
    main()
