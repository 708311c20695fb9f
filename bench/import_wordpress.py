"""Time the WordPress import of a generated export on a fresh database, and its peak memory.

    python -m bench.import_wordpress --posts 10000            # SQLite in var/bench/import.sqlite3
    python -m bench.import_wordpress --posts 10000 --database-url postgres://cms:cms@127.0.0.1:5432/bench_import

The import runs in its own process (`manage.py import_wordpress`, settings.dev); its peak RSS
is the child's ru_maxrss. Targets (issue 16): 10,000 posts in under 5 minutes, peak RSS < 300 MB.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    work = ROOT / "var" / "bench" / f"wp{args.posts}"
    export = work / "export.xml"
    if not export.exists():
        subprocess.run([sys.executable, "-m", "bench.wxr_generate", "--posts", str(args.posts), "--out", str(export)],
                       check=True, cwd=ROOT)  # fmt: skip
    database = args.database_url or f"sqlite:///{work / 'import.sqlite3'}"
    if not args.database_url:
        (work / "import.sqlite3").unlink(missing_ok=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.dev", "DATABASE_URL": database,
           "MEDIA_ROOT": str(work / "media"), "LOG_LEVEL": "WARNING"}  # fmt: skip
    manage = [sys.executable, "manage.py"]
    if args.database_url:
        subprocess.run([*manage, "reset_db_for_bench"], env=env, cwd=ROOT, check=False, capture_output=True)
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "bootstrap"], env=env, cwd=ROOT, check=True, capture_output=True)
    report = work / "report.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [*manage, "import_wordpress", str(export), "--uploads", str(work / "uploads"), "--report", str(report)]
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # every child so far; the import is the largest
    peak_mb = usage.ru_maxrss / 1024
    data = json.loads(report.read_text())
    result = {
        "posts": args.posts,
        "database": database.split(":")[0],
        "export_mb": round(export.stat().st_size / 1e6, 1),
        "wall_s": round(elapsed, 1),
        "peak_rss_mb": round(peak_mb, 1),
        "import_cpu_s": round(usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime, 1),
        "created": data["created"],
        "skipped": data["skipped"],
        "errors": len(data["errors"]),
        "load_average": os.getloadavg(),
    }
    print(json.dumps(result, indent=2))
    (work / "result.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
