"""A copy of the test database in a SQLite file (WAL), served by gunicorn in its own process."""

import contextlib
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

PORTS = range(8150, 8160)


def free_port():
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8150-8159")


def copy_test_database(path):
    """SQLite's online backup API: the in-memory test database, data included, into ``path``."""
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.execute("PRAGMA journal_mode=WAL")
    target.close()


def get(url, timeout=30):
    """(status, headers, body) without raising on 4xx/5xx."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own server
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@contextlib.contextmanager
def serve(database_path, **environment):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": f"sqlite:///{database_path}",
        **environment,
    }
    command = [
        str(settings.BASE_DIR / ".venv" / "bin" / "gunicorn"),
        "cms.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--threads",
        "4",
        "--timeout",
        "60",
    ]
    log = open(f"{database_path}.gunicorn.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=log)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240  # a loaded CI machine imports Django slowly
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if get(base + "/healthz", timeout=2)[0] == 200:
                    break
            time.sleep(0.3)
        else:
            raise RuntimeError("gunicorn did not start: " + Path(log.name).read_text()[-2000:])
        yield base
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
        log.close()


@contextlib.contextmanager
def write_lock_held(database_path):
    """Another process holds SQLite's write lock (BEGIN IMMEDIATE) until the block ends."""
    holder = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('BEGIN IMMEDIATE')\n"
            "print('held', flush=True)\n"
            "time.sleep(120)\n",
            str(database_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait(10)
