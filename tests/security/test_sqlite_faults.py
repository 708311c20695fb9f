"""SQLite under concurrent use: a held write lock, and writers in several processes at once.

The database is a real file in WAL mode (a copy of the test database), served by gunicorn in
its own process; another process holds the write lock or writes at the same time.
"""

import json
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import NewsPageFactory, ScreenFactory, publish
from tests.security.sqlite_server import copy_test_database, get, serve, write_lock_held

pytestmark = [
    # Committed data (transactional): SQLite's backup API cannot copy a database while this
    # connection holds it in an open transaction; the migrated data is restored afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only"),
]


def test_settings_configure_sqlite_for_concurrent_use():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 1


@pytest.fixture
def served(site_tree, superuser, tmp_path):
    note = publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], title="Nota en vivo"))
    screen = ScreenFactory()
    path = tmp_path / "db.sqlite3"
    copy_test_database(path)
    with serve(path, SQLITE_BUSY_TIMEOUT="1") as base:
        yield base, path, note, screen


def test_public_endpoints_answer_while_another_process_holds_the_write_lock(served):
    base, path, note, screen = served
    urls = [
        f"/api/v2/pages/{note.pk}/",
        "/api/v2/pages/?type=news.NewsPage",
        "/api/v2/pages/?search=vivo",
        "/api/v2/calendar.ics",
        "/feeds/noticias/",
        f"/api/v2/screens/{screen.slug}/",  # records the screen's poll: a write, skipped while locked
    ]
    assert json.loads(get(base + "/readyz")[2])["checks"]["database"] == "ok"
    with write_lock_held(path):
        for url in urls:
            started = time.monotonic()
            status, headers, body = get(base + url)
            assert status == 200, (url, status, body[:300])
            assert time.monotonic() - started < 10, url
        assert b"Nota en vivo" in get(base + f"/api/v2/pages/{note.pk}/")[2]
        status, _headers, body = get(base + "/readyz")
        assert status == 200
        assert json.loads(body)["checks"]["database"] == "degraded: write lock held, reads still served"
    assert json.loads(get(base + "/readyz")[2])["checks"]["database"] == "ok"


def test_a_write_that_cannot_get_the_lock_is_a_json_503(served):
    base, path, _note, _screen = served
    with write_lock_held(path):
        # The admin login writes (session, last_login): a form post that must wait for the lock.
        status, headers, body = get(base + "/admin/login/")
        assert status == 200  # reading the form needs no write
        request = subprocess.run(  # noqa: S603 - a second client, so the POST carries its CSRF cookie
            [sys.executable, "-m", "tests.security.login_client", base],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=60,
        )
    status, content_type, body = request.stdout.strip().split("\n", 2)
    assert status == "503", request.stdout + request.stderr
    assert content_type.startswith("application/json")
    assert "retry" in json.loads(body)["message"]


def test_worker_and_editors_write_at_once_without_database_locked(site_tree, tmp_path):
    path = tmp_path / "db.sqlite3"
    copy_test_database(path)
    writers = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.security.sqlite_writer", str(path), role],
            cwd=settings.BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for role in ("editor", "editor", "worker")
    ]
    results = [writer.communicate(timeout=300) for writer in writers]
    for writer, (_out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err[-2000:]
        assert "locked" not in err
    published = sum(int(out.split()[0]) for out, _err in results[:2])
    assert published == 2 * 15
