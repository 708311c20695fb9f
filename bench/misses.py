"""Cache-miss timings, in process: every request pays the full price, as the first one after a publish.

Before each request the server caches are cleared and the content generation bumped (as a publish
does); best and median of N runs per endpoint, and the process's peak RSS after each endpoint.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=... python -m bench.misses [--runs 3] [--out F.json]
"""

import argparse
import json
import resource
import statistics
import time

import django

# name -> path template (bench.probe.context() fills it); the year is the current calendar year.
MISSES = {
    "listing": "/api/v2/pages/?type=news.NewsPage&fields=*&limit=20",
    "listing_50": "/api/v2/pages/?type=news.NewsPage&fields=*&limit=50",
    "detail": "/api/v2/pages/{news_id}/",
    "resolve": "/api/v2/resolve/?path={news_path}",
    "calendar_month": "/api/v2/calendar/?from={month_from}&to={month_to}",
    "calendar_year": "/api/v2/calendar/?from={year_from}&to={year_to}",
    "calendar_ics": "/api/v2/calendar.ics",
    "screen_feed": "/api/v2/screens/{screen_slug}/",
    "search": "/api/v2/pages/?type=news.NewsPage&search={search}&limit=20",
    "rss": "/feeds/noticias/",
}


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def miss(client, path):
    from django.core.cache import caches

    from cms.api.cache import _bump_now

    for alias in caches:
        caches[alias].clear()
    _bump_now()
    started, cpu = time.perf_counter(), time.process_time()
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    elapsed = (time.perf_counter() - started) * 1000
    return response.status_code, len(body), elapsed, (time.process_time() - cpu) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=None, help="endpoint names")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    django.setup()
    from django.test import Client

    from bench.probe import context

    ctx = context()
    client = Client(HTTP_HOST="localhost")
    client.get(MISSES["listing"].format(**ctx))  # imports and process-wide caches, as a running worker has
    results = {}
    for name, template in MISSES.items():
        if args.only and name not in args.only:
            continue
        path = template.format(**ctx)
        runs = [miss(client, path) for _ in range(args.runs)]
        times = [ms for _status, _size, ms, _cpu in runs]
        cpu = [ms for _status, _size, _ms, ms in runs]
        results[name] = {
            "status": runs[0][0],
            "bytes": runs[0][1],
            "best_ms": round(min(times), 1),
            "median_ms": round(statistics.median(times), 1),
            "cpu_best_ms": round(min(cpu), 1),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
        print(
            f"{name:16} {runs[0][0]} {runs[0][1]:>9} B  best {min(times):8.1f} ms  median "
            f"{statistics.median(times):8.1f} ms  CPU {min(cpu):8.1f} ms  peak RSS {peak_rss_mb():6.1f} MB",
            flush=True,
        )
    if args.out:
        with open(args.out, "w") as handle:
            json.dump({"context": ctx, "misses": results}, handle, indent=1)


if __name__ == "__main__":
    main()
