"""Settings of the server under test in the browser suite (tests/e2e): settings.test plus what a
browser needs from a server with DEBUG off (static files from the apps, uploaded media)."""

import os

from settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.e2e.urls"
WHITENOISE_USE_FINDERS = True  # admin CSS/JS straight from the apps: no collectstatic step
BASE_URL = os.environ.get("E2E_BASE_URL", "http://127.0.0.1")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILAPI_BASE_URL = BASE_URL
