"""An alert written by a Redactor and approved by the Director reaches a lobby display, which then
keeps showing it through reloads while its server is down (service worker + offline cache)."""

import re

from playwright.sync_api import expect

from tests.e2e.helpers import screenshot

ALERT = "Desvío de tránsito por el Corpus Christi"
SCREEN = "Pantalla del Palacio Municipal"


def make_screen(orm):
    from tests.factories import ScreenFactory

    return orm.run(lambda: ScreenFactory(name=SCREEN, slug="palacio-e2e", poll_seconds=1).slug)


def test_alert_reaches_the_display_which_survives_reloads_offline(orm, new_page, start_server):
    slug = make_screen(orm)

    # The Redactor writes the alert for this one screen (checkboxes, not a multi-select) and sends it.
    redactor = new_page("redactor")
    redactor.goto("/admin/snippets/screens/alert/add/")
    redactor.locator("#id_title").fill(ALERT)
    redactor.locator("#id_message").fill("La avenida El Sol estará cerrada de 8:00 a 14:00; use la calle Maruri.")
    redactor.locator("#id_ends_at").fill("2099-12-31 23:00")
    redactor.locator("#id_all_screens").uncheck()
    redactor.get_by_label(SCREEN).check()
    redactor.get_by_role("button", name="Más acciones").click()
    redactor.locator("button[name=action-submit]").click()
    expect(redactor.locator(".messages")).to_contain_text("enviado/a a moderación")

    # The Director approves it from the dashboard.
    director = new_page("director")
    director.goto("/admin/")
    row = director.locator("tr", has_text=ALERT)
    row.locator("[data-w-dropdown-target=toggle]").first.click()
    row.get_by_role("button", name="Aprobar", exact=True).click()

    from screens.models import Alert

    assert orm.wait_until(lambda: Alert.objects.filter(title=ALERT, live=True).exists(), timeout=10)

    # The display, on a server this test may stop.
    server = start_server()
    display = new_page(server=server)
    display.goto(f"/screens/{slug}/")
    expect(display.get_by_text(ALERT)).to_be_visible(timeout=10_000)
    # Once its service worker is active, a reload goes through it (as the lobby's next power-on would).
    assert display.evaluate("navigator.serviceWorker.ready.then(() => true)")
    display.reload()
    display.wait_for_function("navigator.serviceWorker.controller !== null")
    expect(display.get_by_text(ALERT)).to_be_visible(timeout=10_000)

    server.stop()
    for _attempt in range(3):  # the outage report: 2 reloads in 3 showed the browser's error page
        display.reload()
        expect(display.get_by_text(ALERT)).to_be_visible(timeout=10_000)
        expect(display.locator("body")).to_have_attribute("data-net", "offline", timeout=10_000)
    assert not re.search(r"(can.t be reached|ERR_CONNECTION_REFUSED)", display.content())
    screenshot(display, "display-offline-after-reloads")
