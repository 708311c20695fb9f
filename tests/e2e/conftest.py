"""The browser suite's harness: the admin and the public surfaces clicked through in Debian's Chromium.

- `e2e_server`: gunicorn serving the project (tests/e2e/settings.py) in a process of its own, on a
  free port, against a database of its own (a SQLite file under var/e2e/, prepared by
  `python -m tests.e2e.prepare` in a subprocess: migrate, bootstrap, one account per role).
  One server for the whole package; `start_server()` gives a test a second one on the same
  database that it may stop (e.g. to see a page survive an outage).
- `orm`: runs code against that database in a thread of its own. Playwright's sync API runs an
  event loop in the test's thread, where Django refuses ORM calls (SynchronousOnlyOperation).
- `browser` and `new_page(role)`: a Chromium context per test, logged in as "redactor",
  "director", "director2" (the deputy, also in the Director group) or "admin" (superuser), with
  every request to a host other than 127.0.0.1 aborted (and listed in `blocked_requests`).
  `redactor_page`, `director_page`, `director2_page`, `admin_page` and `anonymous_page` are shortcuts.
- A failing test leaves a full-page screenshot (and the HTML) of each of its pages under
  var/artifacts/e2e/. Every test here is marked `browser`.

Environment: E2E_HEADED=1 shows the browser (needs a display: DISPLAY, or `xvfb-run -a`),
E2E_SLOWMO=<ms> slows every action, E2E_KEEP=1 keeps the database and server log under var/e2e/,
E2E_FRESH_DB=1 migrates from scratch instead of copying the cached migrated database.
"""

import contextlib
import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.e2e.helpers import ARTIFACTS
from tests.e2e.orm import Orm
from tests.e2e.prepare import PASSWORD, USERS
from tests.e2e.server import E2E_DIR, Server, prepare_database

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HEADED = os.environ.get("E2E_HEADED", "") not in ("", "0")
SLOWMO = int(os.environ.get("E2E_SLOWMO", "0") or 0)
KEEP = os.environ.get("E2E_KEEP", "") not in ("", "0")
ACTION_TIMEOUT_MS = 15_000
LOCAL_ONLY = re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*")
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"e2e_report_{report.when}", report)
    return report


# --- The database and the server -------------------------------------------------------------


@pytest.fixture(scope="package")
def e2e_workdir():
    E2E_DIR.mkdir(parents=True, exist_ok=True)
    workdir = E2E_DIR / f"run-{os.getpid()}"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir()
    yield workdir
    if not KEEP:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="package")
def e2e_database(e2e_workdir):
    return prepare_database(e2e_workdir)


@pytest.fixture(scope="package")
def e2e_server(e2e_database, e2e_workdir):
    """The server the whole package shares."""
    server = Server(e2e_database, e2e_workdir / "server.log").start()
    yield server
    server.stop()


@pytest.fixture
def start_server(e2e_database, e2e_workdir):
    """Starts another server on the same database, which the test may stop; stopped at teardown."""
    started = []

    def start():
        server = Server(e2e_database, e2e_workdir / f"server-{len(started) + 1}.log").start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


# --- The ORM, from a thread of its own -----------------------------------------------------------


@pytest.fixture(scope="package")
def orm(e2e_database, django_db_blocker):
    runner = Orm(e2e_database, django_db_blocker)
    yield runner
    runner.close()


@pytest.fixture(scope="package")
def e2e_users(orm):
    """{username: user id} of the accounts tests/e2e/prepare.py made (password: PASSWORD)."""
    from django.contrib.auth import get_user_model

    ids = orm.run(lambda: dict(get_user_model().objects.filter(username__in=USERS).values_list("username", "pk")))
    assert set(ids) == set(USERS)
    return ids


# --- The browser -------------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def playwright_instance():
    if HEADED and not os.environ.get("DISPLAY"):
        pytest.fail("E2E_HEADED=1 needs a display: set DISPLAY or run under `xvfb-run -a`.", pytrace=False)
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="package")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=not HEADED, slow_mo=SLOWMO
    )
    yield browser
    browser.close()


@pytest.fixture(scope="package")
def _storage_states(e2e_workdir):
    return {}


@pytest.fixture
def blocked_requests():
    """URLs to hosts other than 127.0.0.1 that this test's pages tried to reach (aborted)."""
    return []


def _login(browser, server, username, states, blocked):
    """Logs in through the admin's login form once per package and reuses the session."""
    if username not in states:
        context = _new_context(browser, server, None, blocked)
        page = context.new_page()
        page.goto("/admin/login/")
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/admin/$"))
        states[username] = context.storage_state()
        context.close()
    return states[username]


def _new_context(browser, server, storage_state, blocked):
    context = browser.new_context(
        base_url=server.url,
        storage_state=storage_state,
        viewport={"width": 1366, "height": 900},
        locale="es-PE",
        timezone_id="America/Lima",
    )
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(30_000)

    def abort(route):
        blocked.append(route.request.url)
        route.abort()

    context.route(LOCAL_ONLY, abort)
    return context


def _artifact_name(nodeid):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("tests/e2e/", 1)[-1]).strip("_")


@pytest.fixture
def new_page(request, browser, e2e_server, e2e_users, _storage_states, blocked_requests):
    """`new_page(role=None, server=None)`: a page in a fresh context, logged in as `role` (a username
    of tests/e2e/prepare.py) or anonymous; `server` defaults to the package's server."""
    contexts = []

    def make(role=None, server=None):
        server = server or e2e_server
        state = _login(browser, server, role, _storage_states, blocked_requests) if role else None
        context = _new_context(browser, server, state, blocked_requests)
        contexts.append(context)
        return context.new_page()

    yield make

    failed = any(
        getattr(getattr(request.node, f"e2e_report_{when}", None), "failed", False) for when in ("setup", "call")
    )
    if failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = _artifact_name(request.node.nodeid)
        pages = [page for context in contexts for page in context.pages]
        for index, page in enumerate(pages, start=1):
            with contextlib.suppress(Exception):
                page.screenshot(path=ARTIFACTS / f"{name}-{index}.png", full_page=True)
                (ARTIFACTS / f"{name}-{index}.html").write_text(page.content())
    for context in contexts:
        with contextlib.suppress(Exception):
            context.close()


@pytest.fixture
def redactor_page(new_page):
    return new_page("redactor")


@pytest.fixture
def director_page(new_page):
    return new_page("director")


@pytest.fixture
def director2_page(new_page):
    return new_page("director2")


@pytest.fixture
def admin_page(new_page):
    return new_page("admin")


@pytest.fixture
def anonymous_page(new_page):
    return new_page()
