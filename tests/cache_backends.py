"""Run cache-dependent tests on the default local-memory cache and on a real Redis.

`cache_backend` is parametrized: "locmem" (the settings' default) and "redis", which points
every cache alias at REDIS_TEST_URL through django-redis, as settings/base.py does for
REDIS_URL in production. The Redis database is emptied before and after each test, so give
REDIS_TEST_URL a database of its own (CI: redis://127.0.0.1:6379/15). Without REDIS_TEST_URL
the "redis" variants are skipped, and say why.

Use it with ``pytestmark = pytest.mark.usefixtures("cache_backend")``.
"""

import os

import pytest
from django.core.cache import caches
from django.test import override_settings

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "")


def redis_caches(url):
    """The CACHES setting production gets with REDIS_URL=url, minus IGNORE_EXCEPTIONS: a Redis error
    must fail the test, not look like a cache miss."""
    default = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url}
    return {"default": default, "renditions": {**default, "KEY_PREFIX": "renditions"}}


def stored_keys(cache, pattern):
    """Keys (without prefix and version) the cache holds that match a glob pattern: through the
    backend's own listing for Redis, locmem's internals otherwise."""
    if hasattr(cache, "keys"):  # django-redis
        return list(cache.keys(pattern))
    import fnmatch

    return [key.split(":", 2)[2] for key in cache._cache if fnmatch.fnmatch(key.split(":", 2)[2], pattern)]


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request):
    if request.param == "locmem":
        yield "locmem"
        return
    if not REDIS_TEST_URL:
        pytest.skip("REDIS_TEST_URL is not set: set it (e.g. redis://127.0.0.1:6379/1) to run this on a real Redis")
    with override_settings(CACHES=redis_caches(REDIS_TEST_URL)):
        for alias in caches:
            caches[alias].clear()
        try:
            yield "redis"
        finally:
            for alias in caches:
                caches[alias].clear()
