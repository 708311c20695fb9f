"""Settings of the server under test in the browser suite (tests/e2e): settings.test plus what a
browser needs from a server with DEBUG off (static files from the apps, uploaded media)."""

import os

from settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.e2e.urls"
WHITENOISE_USE_FINDERS = True  # admin CSS/JS straight from the apps: no collectstatic step
BASE_URL = os.environ.get("E2E_BASE_URL", "http://127.0.0.1")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILAPI_BASE_URL = BASE_URL
# SQLite: Wagtail 8's autosave POSTs the editor while the person clicks "Enviar": two admin write
# transactions (publishing.middleware makes them atomic) upgrading read locks deadlock, and SQLite
# answers "database is locked" at once (a 500 seen here). IMMEDIATE takes the write lock at BEGIN,
# so the second waits (timeout) instead. The production settings need the same (issue 15).
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")  # noqa: F405
