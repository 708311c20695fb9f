"""Liveness and readiness probes for the load balancer."""

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


def _check_cache():
    cache.set("readyz", "1", 5)
    if cache.get("readyz") != "1":
        raise RuntimeError("cache did not return the value just written")


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
