"""Absolute URLs in API output follow the environment (PORT or the explicit base URLs), never port 8000."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT = "from django.conf import settings as s; print(s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL)"


def base_urls(**env_values):
    env = {k: v for k, v in os.environ.items() if k not in {"PORT", "WAGTAILADMIN_BASE_URL", "WAGTAILAPI_BASE_URL"}}
    env.update(env_values, DJANGO_SETTINGS_MODULE="settings.dev")
    result = subprocess.run(  # noqa: S603 - fixed argv, our own interpreter
        [sys.executable, "-c", f"import django; django.setup(); {PRINT}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_the_port_the_server_listens_on_names_the_base_urls():
    assert base_urls(PORT="8143") == ["http://127.0.0.1:8143", "http://127.0.0.1:8143"]


def test_explicit_base_urls_win():
    urls = base_urls(
        PORT="8143", WAGTAILADMIN_BASE_URL="https://cms.cusco.gob.pe", WAGTAILAPI_BASE_URL="https://api.x"
    )
    assert urls == ["https://cms.cusco.gob.pe", "https://api.x"]
