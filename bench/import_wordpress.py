"""Time the WordPress import of a generated export on a fresh database, and its peak memory.

    python -m bench.import_wordpress --posts 10000            # SQLite in var/bench/import.sqlite3
    python -m bench.import_wordpress --posts 10000 --database-url postgres://…/empty_db   # an empty database

The import runs in its own process (`manage.py import_wordpress`, settings.dev, DEBUG off); its peak RSS
is sampled from /proc (VmHWM) every 5 s and read from its rusage at the end, with its CPU time
(user, system) and the machine's load average (min/mean/max of the 1-minute figure while it ran).
Targets (issue 16): 10,000 posts in under 5 minutes, peak RSS < 300 MB.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def high_water_kb(pid):
    """The process's peak resident memory so far (VmHWM), from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def imported_posts(database):
    if not database.startswith("sqlite:"):
        return None
    import sqlite3

    with sqlite3.connect("/" + database.removeprefix("sqlite:///").lstrip("/")) as db:
        return db.execute("select count(*) from importers_importeditem where kind = 'post'").fetchone()[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument(
        "--max-minutes", type=float, default=None, help="Stop the import after this long and report how far it got."
    )
    args = parser.parse_args()
    work = ROOT / "var" / "bench" / f"wp{args.posts}"
    export = work / "export.xml"
    if not export.exists():
        subprocess.run([sys.executable, "-m", "bench.wxr_generate", "--posts", str(args.posts), "--out", str(export)],
                       check=True, cwd=ROOT)  # fmt: skip
    database = args.database_url or f"sqlite:///{work / 'import.sqlite3'}"
    if not args.database_url:
        (work / "import.sqlite3").unlink(missing_ok=True)
    # DEBUG off, as on the server the office imports on: with it on, Django keeps the SQL of the last
    # 9,000 queries (about 90 MB more at the peak on PostgreSQL).
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.dev", "DATABASE_URL": database,
           "MEDIA_ROOT": str(work / "media"), "LOG_LEVEL": "WARNING", "DEBUG": "0"}  # fmt: skip
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "bootstrap"], env=env, cwd=ROOT, check=True, capture_output=True)
    report = work / "report.json"
    load_before = os.getloadavg()
    started = time.perf_counter()
    command = [*manage, "import_wordpress", str(export), "--uploads", str(work / "uploads"), "--report", str(report)]
    child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    samples, peak_kb, stopped, usage, loads = [], 0, False, None, []
    while usage is None:
        time.sleep(5)
        peak_kb = max(peak_kb, high_water_kb(child.pid))
        elapsed = time.perf_counter() - started
        samples.append((round(elapsed), imported_posts(database)))
        loads.append(os.getloadavg()[0])
        if args.max_minutes and elapsed > args.max_minutes * 60 and not stopped:
            os.kill(child.pid, signal.SIGTERM)  # not Popen.terminate(): its poll() would reap the child first
            stopped = True
        pid, status, rusage = os.wait4(child.pid, os.WNOHANG)  # the child's own CPU time and peak RSS
        if pid:
            usage, child.returncode = rusage, os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    result = {
        "posts": args.posts,
        "database": database.split(":")[0],
        "export_mb": round(export.stat().st_size / 1e6, 1),
        "wall_s": round(elapsed, 1),
        "stopped_after_max_minutes": stopped,
        "posts_imported": imported_posts(database),
        "peak_rss_mb": round(max(peak_kb, usage.ru_maxrss) / 1024, 1),
        "cpu_user_s": round(usage.ru_utime, 1),
        "cpu_system_s": round(usage.ru_stime, 1),
        "progress": samples[:: max(1, len(samples) // 20)],
        "load_average_before": load_before,
        "load_average_1min_during": [round(min(loads), 1), round(sum(loads) / len(loads), 1), round(max(loads), 1)],
        "load_average_after": os.getloadavg(),
    }
    if not stopped and child.returncode == 0:
        data = json.loads(report.read_text())
        result.update(created=data["created"], skipped=data["skipped"], errors=len(data["errors"]))
    print(json.dumps(result, indent=2))
    (work / "result.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
