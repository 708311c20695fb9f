"""Tests: fast hashing, in-memory email, synchronous tasks; database from DATABASE_URL."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = env("MEDIA_ROOT", default=str(VAR_DIR / "test-media"))  # noqa: F405 (backup tests set their own)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
API_RATE_LIMIT = 0  # off: tests and the contract run send many requests; tests/security turn it on
# Stock Wagtail API v2 beside ours under /stock-api/v2/ (the compatibility tests compare them).
ROOT_URLCONF = "tests.api.stock_urls"
