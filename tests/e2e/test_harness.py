"""The harness itself: one account per role logs in, other hosts are never reached, the ORM
thread sees what the server wrote, and a test's own server really stops."""

import socket

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import screenshot
from tests.e2e.prepare import USERS


@pytest.mark.parametrize("role", ["redactor", "director", "director2", "admin"])
def test_each_role_reaches_the_dashboard(new_page, role):
    page = new_page(role)
    page.goto("/admin/")
    expect(page.locator("main")).to_be_visible()
    assert page.url.endswith("/admin/")
    _group, first_name, last_name = USERS[role]
    expect(page.locator("main").get_by_text(f"{first_name} {last_name}", exact=True)).to_be_visible()


def test_anonymous_visitor_is_sent_to_the_login_form(anonymous_page):
    anonymous_page.goto("/admin/pages/")
    expect(anonymous_page.locator("input[name=username]")).to_be_visible()


def test_orm_thread_reads_the_servers_database(orm, redactor_page):
    from django.contrib.auth import get_user_model

    redactor_page.goto("/admin/")
    # Logging in through the form (done by the fixture) stamps last_login in the server's database.
    assert orm.run(lambda: get_user_model().objects.get(username="redactor").last_login is not None)


def test_requests_to_other_hosts_are_aborted(anonymous_page, blocked_requests):
    # A navigation, not a fetch: the CSP (connect-src 'self') would stop a fetch before the route sees it.
    with pytest.raises(Exception, match="net::ERR_FAILED"):
        anonymous_page.goto("https://www.gravatar.com/avatar/x")
    assert any("gravatar.com" in url for url in blocked_requests)


def test_a_tests_own_server_stops_for_real(start_server, new_page):
    server = start_server()
    page = new_page("director", server=server)
    page.goto("/admin/")
    screenshot(page, "harness-director-dashboard")
    server.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
