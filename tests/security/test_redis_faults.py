"""A real Redis (started here, on a port of our own) stopped and paused under the public API.

The cache is configured as in settings/base.py for REDIS_URL: it fails open, with connect and
socket timeouts, so a hung Redis slows a request by a bounded time instead of hanging it,
and /readyz reports the outage as degraded (the host still serves) rather than unready.
SIGALRM guards against a hang; no timing is asserted.
"""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time

import pytest
from django.test import Client

from tests.factories import NewsPageFactory, publish
from tests.security.sqlite_server import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.skipif(not shutil.which("redis-server"), reason="no redis-server")]


@pytest.fixture
def redis_server(tmp_path):
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            shutil.which("redis-server"),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(port=port, socket_timeout=1)
    for _ in range(100):
        with contextlib.suppress(redis.exceptions.ConnectionError):
            if client.ping():
                break
        time.sleep(0.1)
    yield process, port
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGCONT)
    process.terminate()
    process.wait(10)


@pytest.fixture
def redis_cache(settings, redis_server):
    _process, port = redis_server
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    location = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": location, "OPTIONS": options},
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": options,
            "KEY_PREFIX": "renditions",
        },
    }
    return redis_server


class Hung(Exception):
    pass


def get_with_guard(url, seconds=60):
    """GET through the test client (same thread and connection as the test's data); a hang
    raises Hung after ``seconds`` (SIGALRM) instead of blocking the suite."""

    def alarm(signum, frame):
        raise Hung(url)

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        return Client().get(url)
    except Hung:
        return None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("fault", ["stopped", "paused"])
def test_public_api_serves_and_readyz_degrades_when_redis_fails(fault, redis_cache, site_tree):
    process, _port = redis_cache
    note = publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], title="Nota con Redis caído"))
    assert json.loads(Client().get("/readyz").content)["checks"]["cache"] == "ok"
    assert Client().get("/api/v2/pages/").status_code == 200  # cached in Redis now
    if fault == "stopped":
        process.terminate()
        process.wait(10)
    else:
        os.kill(process.pid, signal.SIGSTOP)
    for url in ("/api/v2/pages/", f"/api/v2/pages/{note.pk}/", "/feeds/noticias/", "/api/v2/calendar.ics"):
        response = get_with_guard(url)
        assert response is not None, f"{url} hung with Redis {fault}"
        assert response.status_code == 200, url
    assert b"Nota con Redis" in get_with_guard(f"/api/v2/pages/{note.pk}/").content
    readyz = get_with_guard("/readyz")
    assert readyz.status_code == 200
    body = json.loads(readyz.content)
    assert body["status"] == "ok"
    assert body["checks"]["cache"].startswith("degraded: cache unreachable")
