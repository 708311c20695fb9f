"""The display page in a real headless Chromium (Debian's /usr/bin/chromium) through Playwright.

The server is pytest-django's LiveServer, created per test (the session-wide `live_server`
fixture cannot be stopped without breaking later tests) so that the test can really stop it:
after that, connections to its port are refused.
"""

import contextlib
import datetime
import re
import socket

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Locale, Page

from cms.bootstrap import bootstrap
from screens.models import SCREEN_TIME_ZONE as LIMA
from screens.models import Alert, Screen
from tests.factories import (
    AlertFactory,
    CivicEventPageFactory,
    ImageFactory,
    NewsPageFactory,
    ScreenFactory,
    png_bytes,
    publish,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = settings.BASE_DIR / "var" / "artifacts"
POLL_SECONDS = 1
SLIDE_SECONDS = 3
SPANISH_DATE = re.compile(r"^(Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo), \d{1,2} de [a-z]+ de \d{4}$")


class ClosingWSGIServer(ThreadedWSGIServer):
    """Also closes the connections it accepted when it closes: a stopped server answers nothing,
    not even on a browser's kept-alive connection."""

    def __init__(self, *args, **kwargs):
        self.accepted = set()
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        self.accepted.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        self.accepted.discard(request)
        super().shutdown_request(request)

    def server_close(self):
        super().server_close()
        for connection in list(self.accepted):
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class ClosingLiveServerThread(LiveServerThread):
    server_class = ClosingWSGIServer


@pytest.fixture
def server(transactional_db):
    """A live server this test owns, so it can stop it for real."""
    live = LiveServer("localhost", start=False)
    default = live.thread
    live.thread = ClosingLiveServerThread(
        default.host, default.static_handler, connections_override=default.connections_override, port=default.port
    )
    live.thread.daemon = True
    live.start()
    live._live_server_modified_settings.enable()
    live.running = True
    yield live
    live._live_server_modified_settings.disable()
    if live.running:
        live.stop()


def stop(live):
    live.stop()
    live.running = False
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((live.thread.host, live.thread.port), timeout=2).close()


@pytest.fixture
def display_content(transactional_db):
    """The bootstrapped site (with its root page: an earlier transactional test may have flushed it)."""
    if not Page.objects.filter(depth=1).exists():
        locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    tree = bootstrap()
    news_index = tree["sections"]["news.NewsIndexPage"]
    for title, color in (("Cusco celebra el Inti Raymi", (150, 30, 40)), ("Nueva ciclovía en Wanchaq", (20, 90, 60))):
        photo = ImageFactory(file=ContentFile(png_bytes(1280, 720, color), name="foto.png"))
        publish(NewsPageFactory(parent=news_index, live=False, title=title, main_image=photo, show_on_screens=True))
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=2)
    publish(
        CivicEventPageFactory(
            parent=tree["sections"]["events.EventIndexPage"],
            live=False,
            title="Sesión solemne por el aniversario",
            start=start,
            end=start + datetime.timedelta(hours=2),
            show_on_screens=True,
        )
    )
    return ScreenFactory(
        slug="palacio-municipal", name="Palacio Municipal", poll_seconds=POLL_SECONDS, seconds_per_slide=SLIDE_SECONDS
    )


def active_headline(page):
    return page.locator("#slides .slide.active .slide-headline").inner_text()


def test_display_rotates_shows_new_alerts_and_survives_the_server_stopping(server, display_content, monkeypatch):
    # Playwright's sync API runs an event loop in this thread, so Django refuses ORM calls here
    # (SynchronousOnlyOperation, checked); the ORM calls below are plain synchronous test code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    url = f"{server.url}/screens/{display_content.slug}/"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)

        # Slides rotate.
        slide = page.locator("#slides .slide.active .slide-headline")
        expect(slide).to_have_count(1)
        first = active_headline(page)
        expect(slide).not_to_have_text(first, timeout=(SLIDE_SECONDS + 2) * 1000)
        assert SPANISH_DATE.match(page.locator("#date").inner_text())
        assert re.fullmatch(r"\d{2}:\d{2}", page.locator("#clock").inner_text())

        # An alert published now appears within one poll.
        expect(page.locator("body")).to_have_attribute("data-net", "online")
        AlertFactory(title="Cierre de vías por la Semana Jubilar", severity=Alert.Severity.WARNING)
        expect(page.locator("#banner .banner-title")).to_have_text(
            "Cierre de vías por la Semana Jubilar", timeout=POLL_SECONDS * 1000 + 1500
        )
        page.screenshot(path=ARTIFACTS / "screens-display.png")

        emergency = AlertFactory(title="Sismo: evacúe por las rutas señalizadas", severity=Alert.Severity.EMERGENCY)
        expect(page.locator("#emergency")).to_be_visible(timeout=POLL_SECONDS * 1000 + 1500)
        expect(page.locator("#emergency .emergency-title")).to_have_text(emergency.title)
        page.screenshot(path=ARTIFACTS / "screens-display-emergency.png")
        emergency.unpublish()
        expect(page.locator("#emergency")).to_be_hidden(timeout=POLL_SECONDS * 1000 + 1500)

        # Outside its play days the screen goes to standby, and back.
        today = str(timezone.localtime(timezone.now(), LIMA).isoweekday())
        Screen.objects.filter(pk=display_content.pk).update(play_days="1234567".replace(today, ""))
        expect(page.locator("#standby")).to_be_visible(timeout=POLL_SECONDS * 1000 + 1500)
        expect(page.locator("#stage")).to_be_hidden()
        page.screenshot(path=ARTIFACTS / "screens-display-standby.png")
        Screen.objects.filter(pk=display_content.pk).update(play_days="1234567")
        expect(page.locator("#standby")).to_be_hidden(timeout=POLL_SECONDS * 1000 + 1500)

        # The server stops: the page keeps showing the last content and backs off.
        stop(server)
        body = page.locator("body")
        expect(body).to_have_attribute("data-net", "offline", timeout=POLL_SECONDS * 1000 + 1500)
        expect(body).to_have_attribute("data-failures", "2", timeout=5000)
        second_delay = int(body.get_attribute("data-next-poll-ms"))
        assert 3000 < second_delay < 5000  # 1 s × 2², with ±10 % jitter
        expect(slide).to_have_count(1)
        expect(page.locator("#banner .banner-title")).to_have_text("Cierre de vías por la Semana Jubilar")
        expect(page.locator("#net")).to_be_visible()

        # Even a reload while offline shows the last content (service worker + localStorage).
        page.reload()
        expect(slide).to_have_count(1)
        assert active_headline(page) in {
            "Cusco celebra el Inti Raymi",
            "Nueva ciclovía en Wanchaq",
            "Sesión solemne por el aniversario",
        }
        expect(page.locator("#slides .slide-image").first).to_have_js_property("complete", True)
        expect(body).to_have_attribute("data-net", "offline", timeout=POLL_SECONDS * 1000 + 1500)
        page.screenshot(path=ARTIFACTS / "screens-display-offline.png")
        browser.close()

    assert errors == []
