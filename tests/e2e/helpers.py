"""Helpers for the browser journeys (tests/e2e): artifacts and the admin's slower widgets."""

from pathlib import Path

from django.conf import settings

ARTIFACTS = Path(settings.BASE_DIR) / "var" / "artifacts" / "e2e"


def screenshot(page, name):
    """Saves a deliberate full-page screenshot under var/artifacts/e2e/ (to look at); returns its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path
