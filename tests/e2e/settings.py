"""Settings of the server under test in the browser suite (tests/e2e): settings.test plus what a
browser needs from a server with DEBUG off (static files from the apps, uploaded media)."""

import os

from settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.e2e.urls"
WHITENOISE_USE_FINDERS = True  # admin CSS/JS straight from the apps: no collectstatic step
BASE_URL = os.environ.get("E2E_BASE_URL", "http://127.0.0.1")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILAPI_BASE_URL = BASE_URL
# The editor autosaves while people click: concurrent writers wait for SQLite's lock instead of
# failing after 5 s ("database is locked"), and readers never block them (WAL).
DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
    {"timeout": 30, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
)

# Journeys that need the worker's database queue and a real SMTP server (tests/e2e/test_press.py)
# start their own server with E2E_SMTP_PORT set.
if os.environ.get("E2E_SMTP_PORT"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = "127.0.0.1"
    EMAIL_PORT = int(os.environ["E2E_SMTP_PORT"])
    EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
    EMAIL_USE_TLS = EMAIL_USE_SSL = False
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
