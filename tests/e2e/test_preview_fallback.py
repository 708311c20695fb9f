"""The preview when the website does not answer: the draft still shows, plainly, with a notice.

The website (PREVIEW_URL, http://localhost:3000/preview here) is unreachable in the browser suite:
every request to a host other than 127.0.0.1 is aborted, as a website that is down would refuse it.
"""

from playwright.sync_api import expect

from tests.e2e.helpers import screenshot

TITLE = "Izamiento dominical en la Plaza de Armas"


def test_preview_shows_the_draft_when_the_website_is_down(orm, redactor_page, blocked_requests):
    from events.models import EventIndexPage

    calendar = orm.run(lambda: EventIndexPage.objects.get(locale__language_code="es").pk)
    page = redactor_page
    page.goto(f"/admin/pages/add/events/civiceventpage/{calendar}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_start").fill("2027-01-03 08:00")
    page.locator("#id_end").fill("2027-01-03 09:00")
    page.locator("#id_event_type").select_option(label="Acto protocolar")
    page.locator("#id_place").fill("Plaza de Armas del Cusco")
    page.locator("[data-side-panel-toggle=preview]").click()

    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("[data-preview-fallback]")).to_be_visible()
    expect(preview.get_by_role("status")).to_have_text(
        "El sitio web no responde: esta es una vista simple del borrador, sin el diseño del sitio."
    )
    expect(preview.locator("h1")).to_have_text(TITLE)
    expect(preview.locator("[data-preview-article]")).to_contain_text("Plaza de Armas del Cusco")
    expect(preview.locator("[data-preview-article]")).to_contain_text("domingo, 3 de enero de 2027")
    expect(preview.locator("[data-preview-frame]")).to_be_hidden()
    assert any(url.startswith("http://localhost:3000/preview") for url in blocked_requests)
    screenshot(page, "preview-website-down")
