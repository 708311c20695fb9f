"""Signed webhook delivery to a real HTTP receiver on 127.0.0.1, with retries and leases."""

import datetime
import hashlib
import hmac
import json
import threading
from collections import defaultdict

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from publishing import delivery, outbox
from publishing.models import Delivery, DeliveryAttempt, WebhookEndpoint
from tests.factories import publish
from tests.publishing.conftest import Receiver


def verify(request, secret):
    expected = "sha256=" + hmac.new(secret.encode(), request["body"], hashlib.sha256).hexdigest()
    return hmac.compare_digest(request["headers"]["X-Cusco-Signature"], expected)


def attempts_by_event(requests):
    seen = defaultdict(list)
    for request in requests:
        seen[request["headers"]["X-Cusco-Event-Id"]].append(int(request["headers"]["X-Cusco-Delivery-Attempt"]))
    return seen


def assert_no_unmarked_duplicates(requests):
    """Every event id reaches the receiver as attempts 1, 2, 3…: a repeat is always a marked retry."""
    for attempts in attempts_by_event(requests).values():
        assert attempts == list(range(1, len(attempts) + 1))


def test_publishing_sends_nothing_and_the_worker_delivers_a_signed_payload(receiver, endpoint, draft_news):
    publish(draft_news)
    assert receiver.requests == []  # no HTTP inside the publish

    assert delivery.deliver_due() == 1
    [request] = receiver.requests
    assert request["path"] == "/hooks/cms"
    assert verify(request, "s3creto-compartido")
    assert not verify(request, "otro-secreto")
    body = json.loads(request["body"])
    assert body["event"] == "published"
    assert body["id"] == draft_news.pk
    assert request["headers"]["X-Cusco-Event-Id"] == body["event_id"]
    assert request["headers"]["X-Cusco-Delivery-Attempt"] == "1"
    assert request["headers"]["Content-Type"].startswith("application/json")

    sent = Delivery.objects.get()
    assert sent.status == Delivery.Status.DELIVERED
    assert sent.last_status_code == 200
    [log] = DeliveryAttempt.objects.all()
    assert (log.number, log.status_code, log.error) == (1, 200, "")
    assert delivery.deliver_due() == 0


def test_a_failing_receiver_gets_the_same_event_again_after_the_back_off(receiver, endpoint, draft_news):
    receiver.statuses = [500]
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=True) as traveller:
        publish(draft_news)
        assert delivery.deliver_due() == 1
        pending = Delivery.objects.get()
        assert pending.status == Delivery.Status.PENDING
        assert pending.last_error == "HTTP 500"
        assert pending.next_attempt_at >= timezone.now() + datetime.timedelta(seconds=25)

        assert delivery.deliver_due() == 0  # not due yet
        traveller.shift(datetime.timedelta(seconds=31))
        assert delivery.deliver_due() == 1

    first, second = receiver.requests
    assert first["body"] == second["body"]
    assert first["headers"]["X-Cusco-Event-Id"] == second["headers"]["X-Cusco-Event-Id"]
    assert [first["headers"]["X-Cusco-Delivery-Attempt"], second["headers"]["X-Cusco-Delivery-Attempt"]] == ["1", "2"]
    assert verify(second, "s3creto-compartido")
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED
    assert list(DeliveryAttempt.objects.order_by("number").values_list("number", "status_code")) == [
        (1, 500),
        (2, 200),
    ]


def test_back_off_doubles_and_gives_up_after_the_retry_budget_until_reenviar(receiver, endpoint, draft_news, settings):
    settings.PUBLISHING_WEBHOOK_MAX_ATTEMPTS = 3
    receiver.statuses = [503, 503, 503]
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=True) as traveller:
        publish(draft_news)
        waits = []
        for _ in range(3):
            assert delivery.deliver_due() == 1
            row = Delivery.objects.get()
            if row.status == Delivery.Status.PENDING:
                waits.append((row.next_attempt_at - timezone.now()).total_seconds())
            traveller.shift(datetime.timedelta(hours=1))
        assert Delivery.objects.get().status == Delivery.Status.FAILED
        assert delivery.deliver_due() == 0

        assert delivery.requeue([Delivery.objects.get().pk]) == 1
        assert delivery.deliver_due() == 1
    assert [round(w / 10) * 10 for w in waits] == [30, 60]
    assert [r["headers"]["X-Cusco-Delivery-Attempt"] for r in receiver.requests] == ["1", "2", "3", "4"]
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED
    assert_no_unmarked_duplicates(receiver.requests)


def test_a_receiver_that_is_down_or_too_slow_loses_nothing(endpoint, draft_news, settings):
    settings.PUBLISHING_WEBHOOK_TIMEOUT = 0.3
    with Receiver() as slow:
        slow.delay = 1
        endpoint.url = slow.url
        endpoint.save()
        with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=True) as traveller:
            publish(draft_news)
            assert delivery.deliver_due() == 1
    down_url = slow.url  # the server is closed now: connection refused
    assert "Timeout" in Delivery.objects.get().last_error

    endpoint.url = down_url
    endpoint.save()
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 5, tzinfo=datetime.UTC), tick=True) as traveller:
        assert delivery.deliver_due() == 1
        assert "ConnectionError" in Delivery.objects.get().last_error
        with Receiver() as back:
            endpoint.url = back.url
            endpoint.save()
            traveller.shift(datetime.timedelta(minutes=5))
            assert delivery.deliver_due() == 1
    [request] = back.requests
    assert request["headers"]["X-Cusco-Delivery-Attempt"] == "3"
    assert verify(request, endpoint.secret)
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED


def test_a_worker_stopped_mid_way_is_resumed_as_a_marked_retry(receiver, endpoint, draft_news, settings):
    settings.PUBLISHING_WEBHOOK_LEASE_SECONDS = 60
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=True) as traveller:
        publish(draft_news)
        # Worker A claims and sends, then dies before recording the result.
        stopped = delivery.claim_next()
        assert delivery.send(stopped) == (200, "")
        assert Delivery.objects.get().status == Delivery.Status.SENDING

        assert delivery.deliver_due() == 0  # its lease still holds: nobody else sends
        traveller.shift(datetime.timedelta(seconds=61))
        assert delivery.deliver_due() == 1  # worker B resumes it
        log = list(DeliveryAttempt.objects.order_by("number"))
        assert log[0].error == delivery.ABANDONED
        assert (log[1].number, log[1].status_code) == (2, 200)

        # Worker A wakes up late: its result is logged but no longer moves the row.
        assert delivery.finish(stopped, 200, "") is False

    assert [r["headers"]["X-Cusco-Delivery-Attempt"] for r in receiver.requests] == ["1", "2"]
    assert_no_unmarked_duplicates(receiver.requests)
    row = Delivery.objects.get()
    assert (row.status, row.attempts) == (Delivery.Status.DELIVERED, 2)
    late = DeliveryAttempt.objects.get(number=1)
    assert late.status_code == 200
    assert late.error == delivery.LATE


def test_a_last_attempt_lost_with_its_worker_is_given_up_visibly(receiver, endpoint, draft_news, settings):
    settings.PUBLISHING_WEBHOOK_MAX_ATTEMPTS = 1
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=True) as traveller:
        publish(draft_news)
        assert delivery.claim_next() is not None  # and the worker dies
        traveller.shift(datetime.timedelta(minutes=5))
        assert delivery.deliver_due() == 0
    row = Delivery.objects.get()
    assert (row.status, row.last_error) == (Delivery.Status.FAILED, delivery.ABANDONED)
    assert DeliveryAttempt.objects.get().error == delivery.ABANDONED
    assert receiver.requests == []


def test_two_workers_reading_the_same_row_cannot_both_claim_it(endpoint, draft_news):
    publish(draft_news)
    now = timezone.now()
    seen_by_a = Delivery.objects.select_related("event", "endpoint").get()
    seen_by_b = Delivery.objects.select_related("event", "endpoint").get()
    assert delivery._take(seen_by_a, now) is not None
    assert delivery._take(seen_by_b, now) is None
    assert delivery.claim_next() is None
    assert Delivery.objects.get().attempts == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks (SKIP LOCKED) exist on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_on_postgresql_send_each_delivery_once(receiver):
    endpoints = [
        WebhookEndpoint.objects.create(name=f"Receptor {n}", url=f"{receiver.url}/{n}", events=["published"])
        for n in range(8)
    ]
    outbox.record("published", "news.NewsPage", 99, {"type": "news.NewsPage", "id": 99})
    errors = []

    def worker():
        try:
            delivery.deliver_due()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(r["path"] for r in receiver.requests) == sorted(f"/hooks/cms/{n}" for n in range(len(endpoints)))
    assert {r["headers"]["X-Cusco-Delivery-Attempt"] for r in receiver.requests} == {"1"}
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.DELIVERED}
