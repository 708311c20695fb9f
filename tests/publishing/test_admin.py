"""Webhooks and their delivery log in the admin; admin writes commit with their outbox rows."""

import re

import pytest
from wagtail import hooks

from publishing import delivery
from publishing.models import Delivery, OutboxEvent, WebhookEndpoint

ENDPOINTS = "/admin/publishing/webhookendpoint/"
DELIVERIES = "/admin/publishing/delivery/"


@pytest.fixture
def admin_client(client, superuser, site_tree):
    client.force_login(superuser)
    return client


def test_an_administrator_registers_a_webhook_choosing_its_events(admin_client, receiver):
    response = admin_client.post(
        f"{ENDPOINTS}create/",
        {"name": "Portal", "url": receiver.url, "secret": "clave", "events": ["published", "alert"], "active": "on"},
    )
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["published", "alert"]
    assert endpoint.wants("alert") and not endpoint.wants("deleted")

    form = admin_client.get(f"{ENDPOINTS}edit/{endpoint.pk}/").content.decode()
    checked = set(re.findall(r'<input type="checkbox" name="events" value="(\w+)"[^>]*\schecked', form))
    assert checked == {"published", "alert"}


def test_webhook_form_errors(admin_client):
    for data in (
        {"name": "Sin eventos", "url": "https://web.cusco.gob.pe/hook", "secret": "x", "active": "on"},
        {"name": "FTP", "url": "ftp://web.cusco.gob.pe/", "secret": "x", "events": ["published"]},
        {"name": "Raro", "url": "https://web.cusco.gob.pe/hook", "secret": "x", "events": ["nope"]},
    ):
        response = admin_client.post(f"{ENDPOINTS}create/", data)
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not WebhookEndpoint.objects.exists()


def test_the_delivery_log_shows_attempts_and_reenviar_requeues_as_a_retry(admin_client, receiver, endpoint, live_news):
    receiver.statuses = [500]
    delivery.deliver_due()
    row = Delivery.objects.get()
    listing = admin_client.get(DELIVERIES).content.decode()
    assert f"{DELIVERIES}requeue/{row.pk}/" in listing

    inspect = admin_client.get(f"{DELIVERIES}inspect/{row.pk}/").content.decode()
    assert "HTTP 500" in inspect
    assert str(row.event_id) in inspect

    assert admin_client.get(f"{DELIVERIES}requeue/{row.pk}/").status_code == 200
    assert admin_client.post(f"{DELIVERIES}requeue/{row.pk}/").status_code == 302
    assert delivery.deliver_due() == 1  # due now, not after the back-off
    assert [r["headers"]["X-Cusco-Delivery-Attempt"] for r in receiver.requests] == ["1", "2"]
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED
    # the log is read-only
    assert admin_client.get(f"{DELIVERIES}create/").status_code == 302
    assert admin_client.get(f"{DELIVERIES}delete/{row.pk}/").status_code == 302


def test_redactores_see_neither_webhooks_nor_deliveries(client, redactor, endpoint, live_news):
    row = Delivery.objects.get()
    client.force_login(redactor)
    for url in (ENDPOINTS, DELIVERIES, f"{DELIVERIES}requeue/{row.pk}/"):
        assert client.get(url).status_code == 302
    client.post(f"{DELIVERIES}requeue/{row.pk}/")
    row.refresh_from_db()
    assert row.max_attempts == 10  # untouched


def test_admin_unpublish_writes_the_outbox_row(client, director, endpoint, live_news):
    client.force_login(director)
    assert client.post(f"/admin/pages/{live_news.pk}/unpublish/").status_code == 302
    live_news.refresh_from_db()
    assert not live_news.live
    assert [e.event for e in OutboxEvent.objects.order_by("created_at")] == ["published", "unpublished"]


def test_a_failing_admin_unpublish_rolls_back_page_and_outbox_together(client, director, endpoint, live_news):
    def explode(request, page):
        raise RuntimeError("a later step of the request fails")

    client.force_login(director)
    with hooks.register_temporarily("after_unpublish_page", explode), pytest.raises(RuntimeError):
        client.post(f"/admin/pages/{live_news.pk}/unpublish/")
    live_news.refresh_from_db()
    assert live_news.live
    assert [e.event for e in OutboxEvent.objects.all()] == ["published"]


def test_withdrawals_are_listed_read_only(admin_client, director, live_news):
    from publishing.withdrawals import withdraw

    withdrawal = withdraw(live_news, director, "Información desactualizada.")
    listing = admin_client.get("/admin/publishing/withdrawal/")
    assert listing.status_code == 200
    assert "Información desactualizada." in listing.content.decode()
    assert admin_client.get(f"/admin/publishing/withdrawal/inspect/{withdrawal.pk}/").status_code == 200
    assert admin_client.get(f"/admin/publishing/withdrawal/edit/{withdrawal.pk}/").status_code == 302
    history = admin_client.get(f"/admin/pages/{live_news.pk}/history/").content.decode()
    assert "Retirada del sitio público" in history
    assert "Información desactualizada." in history
