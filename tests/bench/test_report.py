"""The harness's verdicts: ratios against the targets, missing endpoints, the README block."""

import copy

from bench import report


def ok(rps, p50=10.0, p99=20.0, queries=5, **extra):
    return {
        "status": "ok",
        "rps": rps,
        "p50_ms": p50,
        "p99_ms": p99,
        "queries_cold": queries,
        "queries_warm": 0,
        "etag": True,
        "cache_control": "max-age=60",
        "peak_worker_rss_mb": 90.0,
        **extra,
    }


def result(**overrides):
    big = {
        "listing": ok(900.0, p50=12.0),
        "listing_304": ok(1000.0),
        "listing_50": {"status": "ok", "queries_cold": 5},
        "stock_listing": ok(6.0),
        "static_listing": ok(1000.0),
        "static_listing_304": ok(1100.0),
        "screen_feed": {"status": "missing", "http_status": 404},
        "screen_feed_304": {"status": "no_etag", "detail": "screen_feed sent no ETag"},
    }
    big.update(overrides)
    db = {
        "cache": "redis",
        "scales": {"1000": {"endpoints": {"listing": ok(950.0, p50=10.0)}}, "20000": {"endpoints": big}},
        "publish": {
            "status": "ok",
            "max_s": 0.3,
            "timeouts": 0,
            "timeout_s": 10.0,
            "trials": [{"publish_s": 0.1, "detail_s": 0.2, "listing_s": 0.3}],
        },
    }
    return {
        "date": "2026-11-26",
        "elapsed_s": 60,
        "databases": {"sqlite": db, "postgres": {"skipped": "down"}},
        "machine": {
            "nproc": 2,
            "cpu_model": "CPU",
            "ram_gb": 4,
            "python": "3.11",
            "sqlite": "3.40",
            "postgresql": None,
            "gunicorn": "2x4",
            "load": "wrk",
            "load_average_start": (0.1, 0.1, 0.1),
            "load_average_end": (0.2, 0.2, 0.2),
        },
    }


def by_id(rows):
    return {row["id"]: row for row in rows}


def test_targets_met_and_missed_with_the_margin():
    rows = by_id(report.targets(result()))
    assert all(row["db"] == "sqlite" for row in rows.values())  # the skipped database yields no verdicts
    assert rows["listing_vs_stock_listing"]["value"] == 150.0 and rows["listing_vs_stock_listing"]["met"]
    assert rows["queries_20_vs_50"]["met"]
    assert rows["listing_vs_static_listing"]["value"] == 0.9 and rows["listing_vs_static_listing"]["met"]
    assert rows["listing_304_vs_static_listing_304"]["value"] == 0.909
    assert rows["listing_scaling"]["value"] == 1.2 and rows["listing_scaling"]["met"]
    assert rows["publish_to_visible"]["met"]

    slow = by_id(report.targets(result(listing=ok(300.0, p50=30.0), listing_50={"status": "ok", "queries_cold": 9})))
    assert not slow["listing_vs_stock_listing"]["met"]
    assert "short by 50.0x" in slow["listing_vs_stock_listing"]["by"]
    assert "p50 30.0 ms" in slow["listing_vs_stock_listing"]["why"]
    assert not slow["listing_vs_static_listing"]["met"]
    assert not slow["queries_20_vs_50"]["met"] and slow["queries_20_vs_50"]["by"] == "4 more at 50"
    assert not slow["listing_scaling"]["met"] and "over by 1.5x" in slow["listing_scaling"]["by"]


def test_peak_memory_is_ours_and_the_stock_reference_is_shown_apart():
    row = by_id(report.targets(result(stock_listing=ok(6.0, peak_worker_rss_mb=170.0))))["peak_worker_rss"]
    assert row["value"] == 90.0 and row["met"]
    assert "stock reference, run last: 170.0 MB (stock_listing at 20000)" in row["why"]
    over = by_id(report.targets(result(detail=ok(500.0, peak_worker_rss_mb=151.0))))["peak_worker_rss"]
    assert not over["met"] and over["by"] == "151.0 MB: over by 1.0 MB" and "detail at 20000" in over["why"]


def test_missing_endpoints_are_reported_not_crashed_on():
    rows = [r for r in report.targets(result()) if r["target"].startswith("screen_feed")]
    assert [r["met"] for r in rows] == [False, False]
    assert "404" in rows[0]["why"] and "ETag" in rows[1]["why"]
    assert {r["by"] for r in rows} == {"not measurable"}


def test_publish_that_never_shows_is_a_miss():
    data = result()
    data["databases"]["sqlite"]["publish"] = {
        "status": "ok",
        "max_s": None,
        "timeouts": 2,
        "timeout_s": 10.0,
        "trials": [],
    }
    row = [r for r in report.targets(data) if r["target"].startswith("publish")][0]
    assert not row["met"] and "2 trial(s) never visible" in row["by"]


def test_readme_block_is_replaced_in_place(tmp_path):
    data = result()
    data["targets"] = report.targets(data)
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n\nIntro.\n")
    report.update_readme(data, readme, "2026-11-26")
    first = readme.read_text()
    assert first.count("## Performance") == 1 and "PostgreSQL skipped: down" in first
    changed = copy.deepcopy(data)
    changed["databases"]["sqlite"]["scales"]["20000"]["endpoints"]["listing"]["rps"] = 123.4
    report.update_readme(changed, readme, "2026-11-27")
    second = readme.read_text()
    assert second.count(report.START) == 1 and "123.4" in second and "2026-11-27" in second
    assert second.startswith("# Title\n\nIntro.\n")
