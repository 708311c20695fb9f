"""The server under test in the browser suite: a database of its own, prepared in a subprocess, and
gunicorn serving the project in a process of its own (tests/e2e/settings.py)."""

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
E2E_DIR = BASE_DIR / "var" / "e2e"
HERE = Path(__file__).resolve().parent
SERVER_SETTINGS = "tests.e2e.settings"
FRESH_DB = os.environ.get("E2E_FRESH_DB", "") not in ("", "0")


def database_url(path):
    return f"sqlite:///{path}"


def _server_env(database_url, base_url=""):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "SEARCH_BACKEND", "SEARCH_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE=SERVER_SETTINGS,
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(settings.MEDIA_ROOT),  # shared with this process: files made by `orm` are served
        E2E_BASE_URL=base_url,
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def _template_key():
    """What the prepared database depends on: migrations, bootstrap, roles, the preparation, pins."""
    digest = hashlib.sha256()
    sources = sorted(BASE_DIR.glob("*/migrations/*.py")) + [
        BASE_DIR / "cms" / "bootstrap.py",
        BASE_DIR / "cms" / "roles.py",
        BASE_DIR / "requirements.txt",
        HERE / "prepare.py",
    ]
    for path in sources:
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _prepare(path):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.e2e.prepare"],
        cwd=BASE_DIR,
        env=_server_env(database_url(path)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode:
        pytest.fail(f"Preparing the e2e database failed:\n{result.stdout}\n{result.stderr}", pytrace=False)


def prepare_database(workdir):
    """A fresh database for this run: a copy of the cached prepared one (same migrations, bootstrap
    and accounts), prepared first when missing or when E2E_FRESH_DB is set."""
    database = workdir / "db.sqlite3"
    if FRESH_DB:
        _prepare(database)
        return database
    template = E2E_DIR / f"template-{_template_key()}.sqlite3"
    if not template.exists():
        building = E2E_DIR / f"{template.name}.{os.getpid()}.tmp"
        _prepare(building)
        os.replace(building, template)
        for stale in E2E_DIR.glob("template-*.sqlite3"):
            if stale != template:
                stale.unlink(missing_ok=True)
    shutil.copyfile(template, database)
    return database


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the project in its own process; `stop()` really stops it (connections refused)."""

    def __init__(self, database, log):
        self.database = database
        self.log = log
        self.process = None
        self.port = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, attempts=3):
        for _ in range(attempts):  # another process may take the free port before gunicorn binds it
            self.port = _free_port()
            command = [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                "--workers=1",
                "--threads=4",
                "--timeout=120",
                "--graceful-timeout=2",
            ]
            with open(self.log, "ab") as log:
                self.process = subprocess.Popen(  # noqa: S603
                    command,
                    cwd=BASE_DIR,
                    env=_server_env(database_url(self.database), self.url),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            if self._wait_ready():
                return self
            self.stop()
        pytest.fail(f"The e2e server did not start; its log:\n{self.log.read_text()[-4000:]}", pytrace=False)

    def _wait_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return True
            time.sleep(0.2)
        return False

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None
