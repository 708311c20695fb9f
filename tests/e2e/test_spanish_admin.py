"""No English on the admin pages the office uses, as a Redactor and as the Director.

The English strings are Wagtail's own messages that the Spanish admin translates (its msgids,
whose Spanish differs, from its English catalogs) plus the ones the office reported. Each page's
visible text, title and accessible labels (placeholder, aria-label, title) are searched.
"""

import re
from functools import cache
from pathlib import Path

import polib
import pytest
import wagtail
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.helpers import screenshot

REPORTED = [
    "Search all pages",
    "Pages created in",
    "Keyboard shortcuts",
    "editor guide",
    "Editor Guide",
    "Wagtail upgrade available",
    "could not be created due to validation errors",
    "created and submitted for moderation",
    "What's new in Wagtail",
    "Actions",  # a label hard-coded in Wagtail's slim header template
]
PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{home}/",
    "/admin/pages/{calendar}/edit/",
    "/admin/pages/add/events/civiceventpage/{calendar}/",
    "/admin/pages/add/news/newspage/{news}/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/",
    "/admin/snippets/screens/alert/",
    "/admin/snippets/screens/alert/add/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/actividades/",
    "/admin/account/",
    "/admin/guia/",
]
VISIBLE_TEXT = """() => {
    const parts = [document.title, document.body.innerText];
    for (const element of document.querySelectorAll("[placeholder], [aria-label], [title]")) {
        for (const name of ["placeholder", "aria-label", "title"]) {
            if (element.getAttribute(name)) parts.push(element.getAttribute(name));
        }
    }
    return parts.join("\\n");
}"""


@cache
def english_strings():
    """Wagtail's msgids without placeholders or markup that the Spanish admin says differently."""
    root = Path(wagtail.__file__).parent
    found = set(REPORTED)
    with translation.override("es"):
        for path in root.glob("**/locale/en/LC_MESSAGES/django*.po"):
            for entry in polib.pofile(str(path)):
                text = entry.msgid.strip()
                if entry.msgctxt or entry.msgid_plural or len(text) < 4 or re.search(r"[%{<]", text):
                    continue
                if translation.gettext(text) != text:
                    found.add(text)
    return sorted(found)


def english_on(text):
    return [s for s in english_strings() if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]


@pytest.fixture(scope="module")
def ids(orm):
    from events.models import EventIndexPage
    from home.models import HomePage
    from news.models import NewsIndexPage

    def read():
        return {
            "home": HomePage.objects.get(locale__language_code="es").pk,
            "calendar": EventIndexPage.objects.get(locale__language_code="es").pk,
            "news": NewsIndexPage.objects.get(locale__language_code="es").pk,
        }

    return orm.run(read)


def test_the_list_holds_wagtails_strings_and_the_reported_ones():
    strings = english_strings()
    assert len(strings) > 500
    assert {"Search all pages", "Dashboard", "Save draft", "Images", "Reports"} <= set(strings)


@pytest.mark.parametrize("role", ["redactor", "director"])
def test_no_english_on_the_pages_the_office_uses(new_page, ids, role):
    page = new_page(role)
    seen = {}
    for path in PAGES:
        url = path.format(**ids)
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        if hits := english_on(page.evaluate(VISIBLE_TEXT)):
            seen[url] = hits
            screenshot(page, f"english-{role}-{url.strip('/').replace('/', '-')}")
    assert seen == {}


def test_no_english_in_the_admins_messages(redactor_page, ids):
    """A page refused for validation errors, and an alert created and sent to the Director."""
    page = redactor_page
    page.goto(f"/admin/pages/add/news/newspage/{ids['news']}/")
    page.get_by_role("button", name="Guardar borrador").click()
    expect(page.locator(".messages")).to_contain_text("No se pudo crear la página porque hay errores de validación.")
    assert english_on(page.evaluate(VISIBLE_TEXT)) == []

    page.goto("/admin/snippets/screens/alert/add/")
    page.locator("#id_title").fill("Corte de agua en el Centro Histórico")
    page.locator("#id_message").fill("Sedacusco suspende el servicio de 9:00 a 13:00.")
    page.locator("#id_ends_at").fill("2099-01-01 00:00")
    page.locator("#id_show_on_website").check()
    page.get_by_role("button", name="Más acciones").click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages")).to_contain_text("creado/a y enviado/a a moderación")
    assert english_on(page.evaluate(VISIBLE_TEXT)) == []
