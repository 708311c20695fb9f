"""The admin, the display page and the API docs work under the Content-Security-Policy:
real Chromium, gunicorn in its own process, no console message about a CSP violation."""

import pytest
from django.conf import settings
from django.db import connection
from playwright.sync_api import sync_playwright

from tests.factories import NewsPageFactory, ScreenFactory, publish
from tests.security.sqlite_server import copy_test_database, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="served from a SQLite file copy"),
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = settings.BASE_DIR / "var" / "artifacts"


def test_admin_display_and_docs_work_under_the_csp(site_tree, director, tmp_path):
    note = publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], title="Nota bajo CSP"))
    screen = ScreenFactory(slug="plaza-regocijo")
    parent_id = note.get_parent().pk  # no ORM inside Playwright's event loop (SynchronousOnlyOperation)
    path = tmp_path / "db.sqlite3"
    copy_test_database(path)
    violations = []
    with serve(path) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(base) else route.abort(),
        )
        page = context.new_page()

        def record(message):
            text = message.text
            if "Content Security Policy" in text or "Content-Security-Policy" in text:
                violations.append((page.url, text))

        page.on("console", record)
        try:
            page.goto(base + "/admin/login/")
            page.fill("input[name=username]", "director")
            page.fill("input[name=password]", "clave-de-prueba-123")
            page.click("button[type=submit]")
            page.wait_for_url(base + "/admin/")
            for url in (
                "/admin/",
                f"/admin/pages/{parent_id}/",
                f"/admin/pages/{note.pk}/edit/",
                "/admin/images/",
                "/admin/documents/",
            ):
                page.goto(base + url)
                page.wait_for_load_state("networkidle")
                assert page.locator("main, #main").first.is_visible(), url
            page.goto(f"{base}/admin/pages/{note.pk}/edit/")
            page.wait_for_load_state("networkidle")
            assert page.locator("input[name=title]").input_value() == "Nota bajo CSP"
            page.goto(f"{base}/screens/{screen.slug}/")
            page.wait_for_timeout(3000)
            assert "Nota bajo CSP" in page.content() or page.locator("body").is_visible()
            page.goto(base + "/api/docs/")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)
            assert "/api/v2/pages/" in page.content()
            assert violations == []
        except Exception:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "csp-failure.png"), full_page=True)
            raise
        finally:
            page.screenshot(path=str(ARTIFACTS / "csp-last.png"), full_page=True)
            browser.close()
