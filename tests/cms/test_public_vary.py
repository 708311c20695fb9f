"""Public responses do not vary on Accept-Language (a display reloads from its offline cache);
the admin still speaks the language the browser asks for."""

import pytest
from django.urls import reverse

from tests.factories import ScreenFactory

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize(
    "url",
    [
        "/screens/{slug}/",
        "/screens/sw.js",
        "/api/v2/screens/{slug}/",
        "/api/v2/pages/",
        "/api/v2/pages/?type=nope",  # an error body: in the site language whatever the browser asks
        "/api/v2/calendar.ics",
        "/api/v2/calendar/?from=2026-06-01&to=2026-06-30",
        "/feeds/noticias/",
    ],
)
def test_public_responses_do_not_vary_on_accept_language(client, site_tree, url):
    screen = ScreenFactory()
    response = client.get(url.format(slug=screen.slug), **ENGLISH_BROWSER)
    assert response.status_code in (200, 400)
    assert "accept-language" not in vary(response)
    assert response["Content-Language"] == "es"


def test_public_error_messages_stay_in_spanish(client, site_tree):
    english = client.get("/api/v2/calendar/?from=nope", **ENGLISH_BROWSER)
    spanish = client.get("/api/v2/calendar/?from=nope", HTTP_ACCEPT_LANGUAGE="es")
    assert english.status_code == 400
    assert english.json() == spanish.json()


def test_admin_still_follows_the_browser_language(client, site_tree):
    english = client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER)
    spanish = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="es")
    assert "accept-language" in vary(english)
    assert "Sign in" in english.content.decode()
    assert "Iniciar sesión" in spanish.content.decode()
