"""A SQLite file of its own (tests/security/isolated.py) served by gunicorn in its own process,
and another process holding that file's write lock."""

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.security.isolated import BASE_DIR, base_environment


def free_port():
    """A port nobody listens on now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, timeout=30):
    """(status, headers, body) without raising on 4xx/5xx."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own server
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _start(database_url, media_root, log, environment):
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "cms.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        "--workers=1",
        "--threads=4",
        "--timeout=120",
        "--graceful-timeout=2",
    ]
    server = subprocess.Popen(  # noqa: S603
        command,
        cwd=BASE_DIR,
        env=base_environment(database_url, media_root, **environment),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240  # a loaded CI machine imports Django slowly
    while time.monotonic() < deadline and server.poll() is None:
        with contextlib.suppress(OSError):
            if get(base + "/healthz", timeout=2)[0] == 200:
                return server, base
        time.sleep(0.3)
    _stop(server)
    return None, base


def _stop(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


@contextlib.contextmanager
def serve(database_url, media_root, log_path, **environment):
    """gunicorn on a free port (tried again if another process took it first); yields its base URL."""
    with open(log_path, "ab") as log:
        for _attempt in range(3):
            server, base = _start(database_url, media_root, log, environment)
            if server is not None:
                break
        else:
            raise RuntimeError("gunicorn did not start: " + Path(log_path).read_text()[-3000:])
        try:
            yield base
        finally:
            _stop(server)


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
            "time.sleep(300)\n",
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
