"""The benchmark run: for each database, seed at each scale, serve with gunicorn, measure, report.

    python -m bench.run                       # what `make bench` runs: SQLite and PostgreSQL, 1,000 and 20,000
    python -m bench.run --databases sqlite --scales 1000 --duration 3 --warmup 1   # a quick check

See bench/README.md for what is measured and how to read the report.
"""

import argparse
import datetime
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path

from bench import load, machine, report
from bench.endpoints import ENDPOINTS, etag_ref, fill
from bench.publish import measure_publish

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
MIN_SAMPLES = 50


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--scales", default="1000,20000", help="press notes per step (totals, seeded upwards)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of measured load per endpoint")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of discarded load before each")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8600)))
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", "postgres://cms:cms@127.0.0.1:5432/bench"))
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
        help="shared cache for the workers ('none': local memory per worker)",
    )
    parser.add_argument("--publish-trials", type=int, default=5)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--readme", action="store_true", help="rewrite the Performance section of README.md")
    parser.add_argument("--from-json", help="measure nothing: redo targets, chart and README from a report JSON")
    return parser.parse_args(argv)


def base_env(args, database_url, media_root):
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "EMAIL_URL": "smtp://127.0.0.1:25",  # production refuses to start without a real one; bench sends none
        "API_RATE_LIMIT": "0",  # wrk from one address would be throttled
        "SECURE_SSL_REDIRECT": "False",
        "BENCH_STOCK_API": "1",
        "BENCH_WWW": str(WORK / "www"),
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    if args.redis_url != "none" and machine.redis_reachable(args.redis_url):
        env["REDIS_URL"] = args.redis_url
    return env


def python(env, *command, timeout=3600):
    """Run `python *command` in the project with the bench environment; (stdout, seconds)."""
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, *command], cwd=ROOT, env={**os.environ, **env},
        capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    if output.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output.stdout[-2000:]}\n{output.stderr[-3000:]}")
    return output.stdout, round(time.perf_counter() - started, 2)


def reset_database(kind, args):
    """A fresh database per run. Returns (DATABASE_URL, None) or (None, why it was skipped)."""
    if kind == "sqlite":
        path = WORK / "bench.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}", None
    return machine.reset_postgres(args.pg_url)


class Server:
    """gunicorn with fixed workers on 127.0.0.1, started and stopped by this process only."""

    def __init__(self, args, env, log_path):
        self.args, self.env, self.log_path = args, env, log_path
        self.process = None

    def __enter__(self):
        command = [
            sys.executable, "-m", "gunicorn", "cms.wsgi:application",
            "--bind", f"127.0.0.1:{self.args.port}", "--workers", str(self.args.workers),
            "--threads", str(self.args.threads), "--worker-class", "gthread",
            "--keep-alive", "5", "--log-level", "warning", "--error-logfile", str(self.log_path),
        ]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **self.env})
        load.wait_ready(self.args.port, self.process)
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def resolve_headers(endpoint, context, etags):
    headers = {}
    for name, value in endpoint.headers.items():
        ref = etag_ref(value)
        if ref and not etags.get(ref):
            return None, f"{ref} sent no ETag"
        headers[name] = etags[ref] if ref else fill(value, context)
    return headers, None


def measure_endpoints(args, server, probe, names):
    """Check each endpoint once over HTTP, then load it unless it is missing or wrong."""
    context, results, etags = probe["context"], {}, {}
    for endpoint in ENDPOINTS:
        if endpoint.name not in names:
            continue
        load.wait_idle(server.process.pid)  # leftovers of the previous endpoint's load must not count here
        entry = {
            "path": fill(endpoint.path, context),
            **{
                k: v for k, v in probe["probes"].get(endpoint.name, {}).items() if k.startswith("quer") or k == "bytes"
            },
        }
        headers, problem = resolve_headers(endpoint, context, etags)
        if problem:
            results[endpoint.name] = {**entry, "status": "no_etag", "detail": problem}
            continue
        status, response_headers, body = load.check(args.port, entry["path"], headers)
        etags[endpoint.name] = response_headers.get("etag", "")
        entry.update(
            http_status=status,
            etag=bool(response_headers.get("etag")),
            cache_control=response_headers.get("cache-control", ""),
            response_bytes=len(body),
        )
        if status == 404:
            entry["status"] = "missing"
        elif status != endpoint.expect:
            entry["status"] = "unexpected_status"
            entry["detail"] = f"expected {endpoint.expect}, got {status}"
        elif not endpoint.load:
            entry["status"] = "ok"
        else:
            log(f"  {endpoint.name}: {args.duration} s of load on {entry['path']}")
            entry.update(
                load.measure(
                    args.port,
                    server.process.pid,
                    entry["path"],
                    headers,
                    args.duration,
                    args.warmup,
                    args.connections,
                    args.wrk_threads,
                )
            )
            entry["status"] = "ok" if entry["requests"] else "no_completed_requests"
            if not entry["requests"]:
                entry["detail"] = f"no request completed within {args.duration} s: raise --duration"
            elif entry["requests"] < MIN_SAMPLES:
                entry["note"] = f"only {entry['requests']} requests: percentiles are rough"
        results[endpoint.name] = entry
    return results


def run_database(kind, args, outcome):
    """Fill `outcome` step by step, so whatever was measured survives a later failure."""
    database_url, skipped = reset_database(kind, args)
    if skipped:
        log(f"{kind}: skipped: {skipped}")
        outcome["skipped"] = skipped
        return
    media = WORK / kind / "media"
    shutil.rmtree(media, ignore_errors=True)
    env = base_env(args, database_url, media)
    outcome.update(cache="redis" if "REDIS_URL" in env else "locmem (per worker)", scales={})
    log(f"{kind}: migrate")
    _out, outcome["migrate_s"] = python(env, "manage.py", "migrate", "--noinput", "-v0")
    scales = [int(s) for s in args.scales.split(",")]
    for scale in scales:
        last = scale == scales[-1]
        log(f"{kind}: seed_bench --news {scale}")
        seeded, seconds = python(env, "manage.py", "seed_bench", "--news", str(scale), "--json")
        step = outcome["scales"][str(scale)] = {
            "seed": {**json.loads(seeded.strip().splitlines()[-1]), "wall_s": seconds}
        }
        probe_path = WORK / f"probe-{kind}-{scale}.json"
        python(env, "-m", "bench.probe", str(probe_path))
        probe = json.loads(probe_path.read_text())
        step["context"] = probe["context"]
        names = {e.name for e in ENDPOINTS if last or e.scaling}
        with Server(args, env, WORK / f"gunicorn-{kind}.log") as server:
            log(f"{kind} @ {scale}: measuring {len(names)} endpoints")
            step["endpoints"] = measure_endpoints(args, server, probe, names)
            if last:
                log(f"{kind} @ {scale}: publish-to-visible, {args.publish_trials} trials")
                load.wait_idle(server.process.pid)
                try:
                    outcome["publish"] = measure_publish(args.port, env, probe["context"], args.publish_trials)
                except Exception as error:  # reported, not fatal: the endpoint figures stand
                    outcome["publish"] = {"status": "error", "detail": str(error)[-500:]}


def main(argv=None):
    args = parse_args(argv)
    if args.from_json:
        return publish_report(json.loads(Path(args.from_json).read_text()), args)
    if not shutil.which("wrk"):
        sys.exit("bench: wrk is not installed (Debian: apt-get install wrk); nothing measured.")
    stamp = datetime.date.today().isoformat()
    (ROOT / "var" / "static").mkdir(parents=True, exist_ok=True)  # whitenoise warns when STATIC_ROOT is absent
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result = {
        "date": stamp,
        "command": " ".join(["python -m bench.run", *(sys.argv[1:] if argv is None else argv)]),
        "machine": machine.describe(args),
        "config": {k: v for k, v in vars(args).items() if k not in ("pg_url", "readme", "out")},
        "databases": {},
    }
    result["machine"]["load_average_start"] = os.getloadavg()
    for kind in args.databases.split(","):
        outcome = result["databases"][kind] = {}
        try:
            run_database(kind, args, outcome)
        except Exception as error:  # one database failing must not lose the other's numbers
            traceback.print_exc()
            outcome["error"] = f"run failed: {str(error)[-500:]}"
            if not any("endpoints" in step for step in outcome.get("scales", {}).values()):
                outcome["skipped"] = outcome["error"]
        (WORK / "partial.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    result["machine"]["load_average_end"] = os.getloadavg()
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    publish_report(result, args)


def publish_report(result, args):
    result["targets"] = report.targets(result)
    paths = report.write(result, Path(args.out), result["date"])
    if args.readme:
        report.update_readme(result, ROOT / "README.md", result["date"])
    for line in report.summary_lines(result):
        log(line)
    log(f"report: {', '.join(str(p) for p in paths)} ({result['elapsed_s']} s)")


if __name__ == "__main__":
    main()
