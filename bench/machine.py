"""The machine and its services: what the report says about where it ran, and database set-up."""

import os
import platform
import shutil
import sqlite3
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def _first(path, prefix):
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _version(command):
    if not shutil.which(command[0]):
        return None
    output = subprocess.run(command, capture_output=True, text=True, check=False)
    return (output.stdout or output.stderr).strip().splitlines()[0] if (output.stdout or output.stderr) else None


def postgres_version(url):
    """The server's version; asked of its ``postgres`` database (the bench's own may not exist yet)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    for conninfo in (make_conninfo(**{**conninfo_to_dict(url), "dbname": "postgres"}), url):
        try:
            with psycopg.connect(conninfo, connect_timeout=3) as connection:
                return connection.execute("SHOW server_version").fetchone()[0]
        except Exception:  # noqa: BLE001, S112 - any failure means "not reachable", reported as such
            continue
    return None


def describe(args):
    memory_kb = _first("/proc/meminfo", "MemTotal")
    return {
        "nproc": os.cpu_count(),
        "cpu_model": _first("/proc/cpuinfo", "model name") or platform.processor(),
        "ram_gb": round(int(memory_kb.split()[0]) / 1024 / 1024, 1) if memory_kb else None,
        "kernel": platform.release(),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres_version(args.pg_url) if "postgres" in args.databases else None,
        "wrk": _version(["wrk", "--version"]),
        "packages": {name: metadata.version(name) for name in ("Django", "wagtail", "gunicorn", "whitenoise")},
        "gunicorn": f"{args.workers} workers x {args.threads} threads (gthread)",
        "load": f"wrk -t{args.wrk_threads} -c{args.connections} -d{args.duration}s (+{args.warmup}s warm-up)",
    }


def redis_reachable(url):
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except Exception:  # unreachable Redis means: use local memory, and say so
        return False


def reset_postgres(url):
    """Drop and create the bench database. (url, None) when done, (None, reason) when PG is unreachable."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or name in ("postgres", "template0", "template1"):
        return None, f"refusing to reset database {name!r}: give a dedicated bench database"
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(maintenance, autocommit=True, connect_timeout=3) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except Exception as error:  # report why PostgreSQL was skipped, run SQLite only
        return None, f"PostgreSQL not reachable at {parts.hostname}:{parts.port}: {error}".strip()
    return url, None
