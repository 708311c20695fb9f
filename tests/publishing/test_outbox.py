"""Every publishing change writes outbox rows in the same transaction, and nothing else does."""

import datetime
import json

import pytest
from django.db import transaction
from django.utils import timezone

from publishing.models import Delivery, OutboxEvent, WebhookEndpoint
from screens.models import Alert
from tests.factories import NewsPageFactory, publish


def events():
    return [(e.event, json.loads(e.body)) for e in OutboxEvent.objects.order_by("created_at")]


def test_publish_writes_one_event_and_one_delivery_per_endpoint(endpoint, draft_news, settings):
    other = WebhookEndpoint.objects.create(name="Buscador", url="http://127.0.0.1:9/", events=["published"])
    publish(draft_news)

    [(event, body)] = events()
    assert event == "published"
    assert body["event"] == "published"
    assert body["type"] == "news.NewsPage"
    assert body["id"] == draft_news.pk
    assert body["locale"] == "es"
    assert body["url"] == f"{settings.WEBSITE_URL}/notas-de-prensa/feria-gastronomica/"
    assert body["api_url"] == f"http://testserver/api/v2/pages/{draft_news.pk}/"
    assert datetime.datetime.fromisoformat(body["time"]) <= timezone.now()
    outbox = OutboxEvent.objects.get()
    assert body["event_id"] == str(outbox.id)
    assert set(Delivery.objects.values_list("endpoint_id", flat=True)) == {endpoint.pk, other.pk}
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.PENDING}


def test_unpublish_and_delete_are_announced(endpoint, live_news):
    live_news.unpublish()
    publish(live_news)
    live_news.delete()
    assert [event for event, _body in events()] == ["published", "unpublished", "published", "deleted"]
    assert events()[-1][1]["url"].endswith("/notas-de-prensa/feria-gastronomica/")


def test_deleting_a_draft_says_nothing(endpoint, draft_news):
    draft_news.delete()
    assert not OutboxEvent.objects.exists()


def test_deleting_a_section_announces_each_live_page_once(endpoint, news_index, live_news):
    hidden = NewsPageFactory(parent=news_index, live=False)
    OutboxEvent.objects.all().delete()
    news_index.delete()
    deleted = sorted(body["id"] for event, body in events() if event == "deleted")
    assert deleted == sorted([news_index.pk, live_news.pk])
    assert hidden.pk not in deleted
    assert [event for event, _body in events()] == ["deleted", "deleted"]


def test_endpoints_only_get_the_events_they_chose(receiver, draft_news):
    WebhookEndpoint.objects.create(name="Solo retiros", url=receiver.url, events=["withdrawn"])
    WebhookEndpoint.objects.create(name="Apagado", url=receiver.url, active=False)
    publish(draft_news)
    assert not OutboxEvent.objects.exists()
    assert not Delivery.objects.exists()


def test_scheduled_publishing_is_announced_when_it_goes_live_not_before(endpoint, draft_news):
    draft_news.go_live_at = timezone.now() + datetime.timedelta(days=1)
    draft_news.save_revision().publish()
    assert not OutboxEvent.objects.exists()


def test_rolled_back_publish_leaves_no_outbox_row(endpoint, draft_news):
    with pytest.raises(RuntimeError), transaction.atomic():
        publish(draft_news)
        assert OutboxEvent.objects.count() == 1
        raise RuntimeError("the publish fails after the signal")
    assert not OutboxEvent.objects.exists()
    assert not Delivery.objects.exists()
    draft_news.refresh_from_db()
    assert not draft_news.live


def test_alerts_are_announced_on_publish_and_unpublish(endpoint, site_tree):
    alert = Alert.objects.create(
        title="Corte de agua",
        message="Sin servicio en el Centro Histórico.",
        ends_at=timezone.now() + datetime.timedelta(hours=4),
        live=False,
    )
    alert.save_revision().publish()
    alert.refresh_from_db()
    alert.unpublish()
    [(first, published), (second, unpublished)] = events()
    assert (first, second) == ("alert", "alert")
    assert published["type"] == "screens.Alert"
    assert published["id"] == alert.pk
    assert (published["state"], unpublished["state"]) == ("published", "unpublished")


def test_the_outbox_adds_a_fixed_handful_of_queries_to_a_publish(
    endpoint, receiver, news_index, django_assert_max_num_queries
):
    endpoint.active = False
    endpoint.save()
    revision = NewsPageFactory(parent=news_index, live=False).save_revision()
    with django_assert_max_num_queries(200) as quiet:
        revision.publish()
    quiet_queries = len(quiet)
    assert not OutboxEvent.objects.exists()

    endpoint.active = True
    endpoint.save()
    WebhookEndpoint.objects.create(name="Otro", url=receiver.url)
    revision = NewsPageFactory(parent=news_index, live=False).save_revision()
    # locale + event insert + one bulk insert for both deliveries
    with django_assert_max_num_queries(quiet_queries + 3):
        revision.publish()
    assert Delivery.objects.count() == 2
