def test_healthz(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_checks_database_cache_and_search(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "search": "ok"}


def test_readyz_reports_a_broken_cache(client, db, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/readyz")
    # The cache fails open: the host still serves, so it stays in the load balancer (issue 15).
    assert response.status_code == 200
    assert response.json()["checks"]["cache"].startswith("degraded")
