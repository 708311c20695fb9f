"""SQLite under concurrent use: a held write lock, and writers in several processes at once.

Each test works on a SQLite file of its own in WAL mode (tests/security/isolated.py: migrated,
bootstrapped, content created in a subprocess), served by gunicorn in a process of its own;
another process holds the write lock or writes at the same time. Nothing here touches the
pytest database, so the order tests run in does not matter.
"""

import datetime as dt
import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from tests.e2e.prepare import PASSWORD
from tests.security.isolated import base_environment, populate, sqlite_database
from tests.security.sqlite_server import get, serve, write_lock_held

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")


def test_settings_configure_sqlite_for_concurrent_use():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 1


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base URL, database file, media root, created content) of a server on a file of its own."""
    directory = tmp_path_factory.mktemp("sqlite-faults")
    path, url = sqlite_database(directory)
    media = directory / "media"
    created = populate("content", url, media)
    with serve(url, media, directory / "gunicorn.log", SQLITE_BUSY_TIMEOUT="1") as base:
        yield base, path, url, media, created


def post_json(url, body):
    """(status, content type, parsed body) of a JSON POST, with curl-like plain urllib."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(  # noqa: S310 - our own test server
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, response.headers.get("Content-Type", ""), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), json.loads(error.read())


def test_public_endpoints_answer_while_another_process_holds_the_write_lock(served):
    base, path, _url, _media, created = served
    urls = [
        f"/api/v2/pages/{created['note']}/",
        "/api/v2/pages/?type=news.NewsPage",
        "/api/v2/pages/?search=respaldada",
        "/api/v2/calendar.ics",
        "/feeds/noticias/",
        f"/api/v2/screens/{created['screen']}/",  # records the screen's poll: a write, skipped while locked
        f"/screens/{created['screen']}/",
    ]
    assert json.loads(get(base + "/readyz")[2])["checks"]["database"] == "ok"
    for url in urls:  # as the website does on the publish webhook: the image renditions get made
        assert get(base + url)[0] == 200, url
    with write_lock_held(path):
        for url in urls:
            status, _headers, body = get(base + url)
            assert status == 200, (url, status, body[:300])
        assert b"Nota respaldada" in get(base + f"/api/v2/pages/{created['note']}/")[2]
        status, _headers, body = get(base + "/readyz")
        assert status == 200
        assert json.loads(body)["checks"]["database"] == "degraded: write lock held, reads still served"
    assert json.loads(get(base + "/readyz")[2])["checks"]["database"] == "ok"


def test_a_read_that_must_make_renditions_while_locked_is_a_json_503_never_a_500(served):
    """Making an image's renditions is a write (files and rows): when the lock stays held past
    SQLITE_BUSY_TIMEOUT the client is told to retry, and nothing broken is cached."""
    base, path, url, media, _created = served
    fresh = populate("note", url, media)["note"]
    with write_lock_held(path):
        status, headers, body = get(base + f"/api/v2/pages/{fresh}/")
        assert status == 503, body[:300]
        assert headers["Content-Type"].startswith("application/json")
        assert headers["Retry-After"] == "5"
        assert "retry" in json.loads(body)["message"]
    status, _headers, body = get(base + f"/api/v2/pages/{fresh}/")
    assert status == 200
    assert json.loads(body)["main_image"]["renditions"]["card"]["url"]


def interview_request(person):
    soon = timezone.localtime() + dt.timedelta(days=3)
    return {
        "outlet": "Ejemplo Noticias Cusco",
        "journalist": "Ana Ejemplo Quispe",
        "email": "ana@noticias.example.org",
        "phone": "+51 984 000 000",
        "person": person,
        "topic": "Plan de movilidad",
        "proposed_dates": [soon.replace(microsecond=0).isoformat()],
        "channel": "estudio",
    }


def test_a_public_write_that_cannot_get_the_lock_is_a_json_503_and_writes_nothing(served):
    base, path, url, media, created = served
    with write_lock_held(path):
        status, content_type, body = post_json(
            base + "/api/v2/interview-requests/", interview_request(created["person"])
        )
    assert status == 503, body
    assert content_type.startswith("application/json")
    assert "retry" in body["message"]
    assert populate("snapshot", url, media)["interview_requests"] == 0
    # The lock released, the same request goes through: the 503 was the lock, not the request.
    status, _content_type, body = post_json(base + "/api/v2/interview-requests/", interview_request(created["person"]))
    assert status == 201, body
    assert populate("snapshot", url, media)["interview_requests"] == 1


def test_an_admin_write_that_cannot_get_the_lock_is_a_spanish_503_page(served):
    base, path, _url, _media, _created = served
    with write_lock_held(path):
        assert get(base + "/admin/login/")[0] == 200  # reading the form needs no write
        # The login writes (session, last_login): a form post that waits for the lock, then gives up.
        request = subprocess.run(  # noqa: S603 - a client of its own, so the POST carries its CSRF cookie
            [sys.executable, "-m", "tests.security.login_client", base, "admin", PASSWORD],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=120,
        )
    status, content_type, body = request.stdout.strip().split("\n", 2)
    assert status == "503", request.stdout + request.stderr
    assert content_type.startswith("text/html")
    assert "El sistema está ocupado en este momento" in body
    assert "Su cambio no se guardó" in body


def test_worker_and_editors_write_at_once_without_database_locked(tmp_path):
    path, url = sqlite_database(tmp_path / "db")
    environment = base_environment(url, tmp_path / "media")
    writers = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.security.sqlite_writer", str(path), role],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for role in ("editor-rosa", "editor-luis", "worker")
    ]
    results = [writer.communicate(timeout=600) for writer in writers]
    for writer, (_out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err[-2000:]
        assert "locked" not in err
    published = sum(int(out.split()[0]) for out, _err in results[:2])
    assert published == 2 * 15
    titles = [title for _pk, title, live, _path in populate("snapshot", url, tmp_path / "media")["pages"] if live]
    assert sum(title.startswith("Nota de prensa") for title in titles) == 2 * 15
