"""The Director withdraws a published page with a public reason: 410 on its path, "withdrawn" webhook."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import PageLogEntry, Site

from publishing import delivery, withdrawals
from publishing.models import OutboxEvent, Withdrawal
from tests.factories import NewsPageFactory, publish

REASON = "La fecha de la feria fue reprogramada por la Gerencia de Turismo."


def withdraw_url(page):
    return f"/admin/publishing/withdraw/{page.pk}/"


def resolve(client, path):
    return client.get("/api/v2/resolve/", {"path": path})


def test_director_withdraws_with_a_reason_and_the_path_answers_410(
    client, director, receiver, endpoint, live_news, settings
):
    client.force_login(director)
    assert client.get(withdraw_url(live_news)).status_code == 200
    response = client.post(withdraw_url(live_news), {"reason": REASON})
    assert response.status_code == 302

    live_news.refresh_from_db()
    assert not live_news.live
    withdrawal = Withdrawal.objects.get()
    assert (withdrawal.path, withdrawal.reason, withdrawal.withdrawn_by) == (
        "/notas-de-prensa/feria-gastronomica/",
        REASON,
        director,
    )
    log = PageLogEntry.objects.get(page=live_news, action="publishing.withdraw")
    assert log.user == director
    assert log.data["reason"] == REASON
    assert not PageLogEntry.objects.filter(page=live_news, action="wagtail.unpublish").exists()

    client.logout()
    gone = resolve(client, "/notas-de-prensa/feria-gastronomica/")
    assert gone.status_code == 410
    body = gone.json()
    assert body["reason"] == REASON
    assert body["message"]
    assert datetime.datetime.fromisoformat(body["withdrawn_at"]) == withdrawal.withdrawn_at
    assert body["withdrawn_at"].endswith("-05:00")  # America/Lima
    assert "ETag" in gone and "Cache-Control" in gone
    assert resolve(client, "/notas-de-prensa/feria-gastronomica").status_code == 410  # no trailing slash

    assert [e.event for e in OutboxEvent.objects.order_by("created_at")] == ["published", "withdrawn"]
    delivery.deliver_due()
    withdrawn = json.loads(receiver.requests[-1]["body"])
    assert withdrawn["event"] == "withdrawn"
    assert withdrawn["reason"] == REASON
    assert withdrawn["url"] == f"{settings.WEBSITE_URL}/notas-de-prensa/feria-gastronomica/"


def test_an_empty_reason_is_a_form_error_and_changes_nothing(client, director, live_news):
    client.force_login(director)
    response = client.post(withdraw_url(live_news), {"reason": "   "})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    live_news.refresh_from_db()
    assert live_news.live
    assert not Withdrawal.objects.exists()


def test_redactores_are_refused_on_the_server(client, redactor, live_news):
    client.force_login(redactor)
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with an error.
    for response in (client.get(withdraw_url(live_news)), client.post(withdraw_url(live_news), {"reason": REASON})):
        assert response.status_code == 302
        assert response.url == "/admin/"
    with pytest.raises(PermissionDenied):
        withdrawals.withdraw(live_news, redactor, REASON)
    live_news.refresh_from_db()
    assert live_news.live
    assert not Withdrawal.objects.exists()


def test_only_live_pages_can_be_withdrawn(client, director, draft_news):
    with pytest.raises(ValidationError):
        withdrawals.withdraw(draft_news, director, REASON)
    client.force_login(director)
    assert client.post(withdraw_url(draft_news), {"reason": REASON}).status_code == 302
    assert not Withdrawal.objects.exists()


def test_the_withdraw_button_is_offered_to_the_director_only(client, director, redactor, live_news):
    client.force_login(director)
    assert withdraw_url(live_news) in client.get(f"/admin/pages/{live_news.pk}/edit/").content.decode()
    client.force_login(redactor)
    assert withdraw_url(live_news) not in client.get(f"/admin/pages/{live_news.pk}/edit/").content.decode()


def test_republishing_clears_the_withdrawal(client, director, endpoint, live_news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        withdrawals.withdraw(live_news, director, REASON)
    assert withdrawals.lookup(Site.objects.get(), "/notas-de-prensa/feria-gastronomica/") is not None
    assert resolve(client, "/notas-de-prensa/feria-gastronomica/").status_code == 410
    with django_capture_on_commit_callbacks(execute=True):
        publish(live_news)
    assert withdrawals.lookup(Site.objects.get(), "/notas-de-prensa/feria-gastronomica/") is None
    assert Withdrawal.objects.get().cleared_at is not None
    assert resolve(client, "/notas-de-prensa/feria-gastronomica/").status_code == 200  # live again


def test_plain_unpublish_stays_plain(client, endpoint, live_news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        live_news.unpublish()
    assert [e.event for e in OutboxEvent.objects.order_by("created_at")] == ["published", "unpublished"]
    response = resolve(client, "/notas-de-prensa/feria-gastronomica/")
    assert response.status_code == 404
    assert response.json()["message"]


def test_resolve_rejects_a_missing_or_relative_path(client, site_tree):
    for params in ({}, {"path": "notas-de-prensa/x/"}):
        response = client.get("/api/v2/resolve/", params)
        assert response.status_code == 400
        assert "path" in response.json()["message"]


def test_a_new_page_published_at_a_withdrawn_address_ends_the_410(
    client, director, news_index, live_news, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        withdrawals.withdraw(live_news, director, REASON)
        live_news.delete()
    # The page is gone; the 410 stays.
    assert resolve(client, "/notas-de-prensa/feria-gastronomica/").status_code == 410
    with django_capture_on_commit_callbacks(execute=True):
        publish(NewsPageFactory(parent=news_index, live=False, slug="feria-gastronomica"))
    assert Withdrawal.objects.get().cleared_at is not None
    assert resolve(client, "/notas-de-prensa/feria-gastronomica/").status_code != 410


def test_a_bulk_announcement_clears_withdrawals_and_announces_each_public_page_once(
    director, endpoint, news_index, live_news, django_capture_on_commit_callbacks
):
    """The importer's path (publishing.signal_handlers.announced_in_bulk): the same events and
    cleared 410s as one page_published per page, nothing for a restricted page, nothing twice."""
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published

    from publishing.signal_handlers import announced_in_bulk

    with django_capture_on_commit_callbacks(execute=True):
        withdrawals.withdraw(live_news, director, REASON)
        live_news.delete()
    again = publish(NewsPageFactory(parent=news_index, live=False, slug="feria-gastronomica"))
    other = publish(NewsPageFactory(parent=news_index, live=False, slug="otra-nota"))
    private = publish(NewsPageFactory(parent=news_index, live=False, slug="nota-interna"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    OutboxEvent.objects.all().delete()
    Withdrawal.objects.update(cleared_at=None)

    with announced_in_bulk([again, other, private]):
        for page in (again, other, private):
            page_published.send(sender=type(page), instance=page, revision=page.live_revision)
    events = sorted(OutboxEvent.objects.values_list("event", "object_id"))
    assert events == sorted([("published", str(again.pk)), ("published", str(other.pk))])
    assert Withdrawal.objects.get().cleared_at is not None
    # Outside the block, page_published announces as before.
    page_published.send(sender=type(other), instance=other, revision=other.live_revision)
    assert OutboxEvent.objects.filter(object_id=str(other.pk)).count() == 2
