"""Helpers for the browser journeys (tests/e2e): artifacts, the admin's slower widgets, setup data."""

import json
import re
import urllib.request
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

ARTIFACTS = Path(settings.BASE_DIR) / "var" / "artifacts" / "e2e"


def screenshot(page, name):
    """Saves a deliberate full-page screenshot under var/artifacts/e2e/ (to look at); returns its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


def type_rich_text(page, container, hidden_name, text):
    """Types into a Draftail editor and waits until its hidden input holds the text: Draftail copies
    it there only after a pause, and a form saved before that stores an empty block."""
    editor = container.locator(".public-DraftEditor-content").first
    editor.click()
    page.keyboard.type(text)
    hidden = page.locator(f'input[name="{hidden_name}"]')
    expect(hidden).to_have_value(re.compile(re.escape(text.split()[0])))


def api_get(server, path):
    with urllib.request.urlopen(f"{server.url}{path}", timeout=10) as response:  # noqa: S310
        return json.load(response)


def submitted_news(title, lead="Nota enviada a revisión por la Redactora."):
    """A press note the Redactor wrote and submitted (run it through `orm.run`); returns its id."""
    from django.contrib.auth import get_user_model
    from wagtail.rich_text import RichText

    from news.models import NewsIndexPage, NewsPage

    redactor = get_user_model().objects.get(username="redactor")
    index = NewsIndexPage.objects.get(locale__language_code="es")  # bootstrap also translates the tree
    page = index.add_child(
        instance=NewsPage(
            title=title,
            lead=lead,
            body=[("paragraph", RichText("<p>Texto de la nota.</p>"))],
            live=False,
            owner=redactor,
        )
    )
    page.save_revision(user=redactor)
    page.get_workflow().start(page, redactor)
    return page.pk
