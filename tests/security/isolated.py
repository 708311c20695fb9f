"""Databases of their own for tests that run the project in other processes (a server, a writer,
``manage.py backup``/``restore``): never the pytest database, so nothing they do (a restore, a
held lock) can reach the tests that follow, and nothing depends on the order tests run in.

- SQLite: a copy of the browser suite's prepared file (migrated, bootstrapped, one account per
  role; cached under var/e2e/ by tests/e2e/server.py), in WAL mode.
- PostgreSQL: a database created from a migrated template (``<name>_sec_tpl_<key>``, made once
  per migration set, kept for the next run), dropped at the end.
"""

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import environ
from django.conf import settings

from tests.e2e.server import E2E_DIR, _template_key, prepare_database

BASE_DIR = Path(settings.BASE_DIR)


def base_environment(database_url, media_root, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "SEARCH_BACKEND", "SEARCH_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="settings.test",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def run(args, database_url, media_root, timeout=300, **extra):
    """A command of this project (``[module-or-script args]``) in a process of its own."""
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=base_environment(database_url, media_root, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def manage(*args, database_url, media_root):
    return run(["manage.py", *args], database_url, media_root)


def populate(action, database_url, media_root, *args):
    """tests/security/populate.py ACTION in a process of its own; its JSON answer."""
    result = run(["-m", "tests.security.populate", action, *args], database_url, media_root)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def sqlite_database(directory):
    """A migrated, bootstrapped SQLite file of its own in ``directory`` (WAL); its DATABASE_URL."""
    directory.mkdir(parents=True, exist_ok=True)
    E2E_DIR.mkdir(parents=True, exist_ok=True)  # where the prepared template is cached
    path = prepare_database(directory)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    return path, f"sqlite:///{path}"


def _pg_admin_url(config, name):
    user, password = config["USER"], config["PASSWORD"]
    host, port = config["HOST"] or "127.0.0.1", config["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{name}"


def _pg_execute(config, *statements):
    import psycopg

    with psycopg.connect(_pg_admin_url(config, "postgres"), autocommit=True) as admin:
        for statement in statements:
            admin.execute(statement)


def _pg_exists(config, name):
    import psycopg

    with psycopg.connect(_pg_admin_url(config, "postgres"), autocommit=True) as admin:
        return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


@contextlib.contextmanager
def postgres_database(media_root):
    """A migrated, bootstrapped PostgreSQL database of its own (dropped afterwards); its URL."""
    config = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    stem = config["NAME"][:30]
    template = f"{stem}_sec_tpl_{_template_key()}"
    if not _pg_exists(config, template):
        building = f"{stem}_sec_build_{os.getpid()}"
        _pg_execute(config, f'DROP DATABASE IF EXISTS "{building}"', f'CREATE DATABASE "{building}"')
        result = run(["-m", "tests.e2e.prepare"], _pg_admin_url(config, building), media_root)
        assert result.returncode == 0, result.stderr[-3000:]
        _pg_execute(config, f'ALTER DATABASE "{building}" RENAME TO "{template}"')
    name = f"{stem}_sec_run_{os.getpid()}"
    _pg_execute(config, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _pg_admin_url(config, name)
    finally:
        _pg_execute(config, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
