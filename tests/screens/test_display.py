"""The display page and its service worker, served by us with nothing from other hosts."""

import re

import pytest
from django.contrib.staticfiles import finders

from tests.factories import ScreenFactory

pytestmark = pytest.mark.django_db

OUTSIDE_URL = re.compile(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)


def test_display_page_points_at_its_feed_and_our_static_files(client):
    ScreenFactory(slug="palacio-municipal", name="Palacio Municipal", orientation="vertical")

    response = client.get("/screens/palacio-municipal/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-feed-url="/api/v2/screens/palacio-municipal/"' in html
    assert 'data-service-worker-url="/screens/sw.js"' in html
    assert 'class="orientation-vertical"' in html
    assert '<script src="/static/screens/display.js">' in html
    assert 'href="/static/screens/display.css"' in html
    assert '<html lang="es-PE">' in html
    assert response["Cache-Control"] == "no-cache"
    assert client.get("/screens/palacio-municipal/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_unknown_screen_page_is_404(client):
    assert client.get("/screens/no-existe/").status_code == 404


def test_service_worker_is_served_from_the_screens_scope(client):
    response = client.get("/screens/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert 'addEventListener("fetch"' in response.content.decode()


def test_nothing_is_loaded_from_other_hosts(client):
    ScreenFactory(slug="terminal")
    sources = {
        "page": client.get("/screens/terminal/").content.decode(),
        "worker": client.get("/screens/sw.js").content.decode(),
    }
    for name in ("screens/display.js", "screens/display.css"):
        with open(finders.find(name), encoding="utf-8") as handle:
            sources[name] = handle.read()

    for name, text in sources.items():
        assert not OUTSIDE_URL.search(text), f"{name} refers to another host: {OUTSIDE_URL.search(text)}"
    assert "@import" not in sources["screens/display.css"] and "@font-face" not in sources["screens/display.css"]
