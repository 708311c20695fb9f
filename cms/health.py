"""Liveness and readiness probes for the load balancer."""

import sqlite3

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail.search.backends import get_search_backend


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    if connection.vendor == "sqlite" and not _sqlite_writable(connection.settings_dict["NAME"]):
        return "degraded: write lock held, reads still served"
    return "ok"


def _sqlite_writable(name, timeout=0.5):
    """Can a writer take SQLite's lock now? Asked on a separate connection, so nothing here waits."""
    name = str(name)
    if name == ":memory:" or "mode=memory" in name:
        return True
    probe = sqlite3.connect(name, timeout=timeout, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()


def _check_cache():
    """The cache fails open (settings: IGNORE_EXCEPTIONS, timeouts): an outage slows the host
    down, it does not stop it serving, so it is reported as degraded, not as unready."""
    try:
        cache.set("readyz", "1", 5)
        working = cache.get("readyz") == "1"
    except Exception as exc:  # noqa: BLE001 - any cache failure is the same outage
        return f"degraded: cache unreachable ({exc.__class__.__name__}), serving without it"
    return "ok" if working else "degraded: cache unreachable, serving without it"


def _check_search():
    """The engine must answer a ping (HEAD /) through the backend's real ``elasticsearch`` client ``es``;
    while it does not, searches are answered from the database backend: ready, but degraded."""
    client = getattr(get_search_backend(), "es", None)
    if client is not None and not client.ping():
        return "degraded: engine unreachable, searching the database"
    return "ok"


@never_cache
def readyz(request):
    checks = {}
    for name, check in (("database", _check_database), ("cache", _check_cache), ("search", _check_search)):
        try:
            checks[name] = check() or "ok"
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready"; the name says which
            checks[name] = f"error: {exc.__class__.__name__}"
    ready = not any(value.startswith("error") for value in checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)
