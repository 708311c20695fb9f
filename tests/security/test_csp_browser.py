"""The admin, the display page and the API docs work under the enforced Content-Security-Policy:
real Chromium against gunicorn in a process of its own, on a database of its own
(tests/security/isolated.py), with no console message about a CSP violation on any page.

What is clicked: the login form, the dashboard, the press-note listing, a press note's edit
form, the image chooser (its listing, then its upload tab: a file uploaded and chosen), the
document chooser (listing and upload tab), the display page and the API docs.
"""

import re

import pytest
from django.conf import settings
from django.db import connection
from playwright.sync_api import expect, sync_playwright

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.e2e.prepare import PASSWORD
from tests.factories import png_bytes
from tests.security.isolated import populate, sqlite_database
from tests.security.sqlite_server import serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="a browser suite: run once, on SQLite"),
]
ARTIFACTS = settings.BASE_DIR / "var" / "artifacts" / "csp"
CSP_MESSAGE = re.compile(r"Content.Security.Policy", re.IGNORECASE)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    directory = tmp_path_factory.mktemp("csp")
    _path, url = sqlite_database(directory)
    media = directory / "media"
    created = populate("content", url, media)
    # The browser suite's server settings: static files from the apps and uploaded media served.
    with serve(url, media, directory / "gunicorn.log", DJANGO_SETTINGS_MODULE="tests.e2e.settings") as base:
        yield base, created


@pytest.fixture
def browser_page(site):
    base, _created = site
    violations, errors, shots = [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=base, viewport={"width": 1366, "height": 900}, locale="es-PE")
        context.set_default_timeout(20_000)
        context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
        page = context.new_page()
        page.on("console", lambda m: CSP_MESSAGE.search(m.text) and violations.append((page.url, m.text)))
        page.on("pageerror", lambda error: errors.append((page.url, str(error))))

        def shot(name):
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            shots.append(name)

        try:
            yield page, violations, errors, shot
        finally:
            shot("last")  # where it stopped, when it fails
            (ARTIFACTS / "console.txt").write_text("\n".join(f"{url}: {text}" for url, text in violations + errors))
            browser.close()


def settle(page):
    page.wait_for_load_state("networkidle")


def test_admin_display_and_docs_work_under_the_enforced_csp(site, browser_page):
    base, created = site
    page, violations, errors, shot = browser_page

    response = page.goto("/admin/login/")
    assert "script-src 'self'" in response.headers["content-security-policy"]  # enforced, not report-only
    page.locator("input[name=username]").fill("director")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    settle(page)
    expect(page.locator("main")).to_be_visible()
    shot("1-dashboard")

    page.goto(f"/admin/pages/{created['parent']}/")
    expect(page.get_by_role("link", name=re.compile("Nota respaldada")).first).to_be_visible()
    settle(page)

    page.goto(f"/admin/pages/{created['note']}/edit/")
    expect(page.locator("#id_title")).to_have_value("Nota respaldada")
    settle(page)
    shot("2-note-edit")

    # The image chooser on a new press note: its listing, then the upload tab (a file uploaded and chosen).
    page.goto(f"/admin/pages/{created['parent']}/add_subpage/")
    settle(page)
    page.get_by_role("button", name="Seleccionar una imagen").click()
    modal = page.locator(".modal-content")
    expect(modal.get_by_role("tab", name=re.compile("Subir"))).to_be_visible()
    settle(page)
    shot("3-image-chooser")
    modal.get_by_role("tab", name=re.compile("Subir")).click()
    modal.locator("input[type=file]").set_input_files(
        {"name": "plaza-regocijo.png", "mimeType": "image/png", "buffer": png_bytes(800, 450)}
    )
    title_input = modal.locator("input[name$=title]")
    expect(title_input).to_have_value("plaza-regocijo")  # filled from the file name by the chooser's script
    modal.locator("[name$=description]").fill("La Plaza Regocijo desde el municipio")
    shot("4-image-upload-tab")
    modal.locator("form button[type=submit]").first.click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_main_image-chooser [data-chooser-title]")).to_have_text("plaza-regocijo")
    shot("5-image-chosen")

    # The document chooser on the bulletin's PDF: its listing and its upload tab.
    page.goto(f"/admin/pages/{created['bulletin']}/edit/")
    settle(page)
    page.locator("#id_pdf-chooser .w-dropdown__toggle").click()
    page.get_by_role("button", name="Elegir otro documento").click()
    modal = page.locator(".modal-content")
    expect(modal.get_by_role("tab", name=re.compile("Subir"))).to_be_visible()
    expect(modal.get_by_text("Acta de la sesión")).to_be_visible()
    modal.get_by_role("tab", name=re.compile("Subir")).click()
    expect(modal.locator("input[type=file]")).to_be_visible()
    settle(page)
    shot("6-document-chooser-upload-tab")

    # The display page (its script polls the screen feed) and the API docs (rendered by their script).
    page.goto(f"/screens/{created['screen']}/")
    settle(page)
    page.wait_for_timeout(2000)
    shot("7-display")
    page.goto("/api/docs/")
    settle(page)
    expect(page.get_by_text("/api/v2/pages/").first).to_be_visible()
    shot("8-api-docs")

    assert violations == [], violations
    assert errors == [], errors
    assert base
