"""Press notes reach the distribution list through a real SMTP server, once per publication."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from media_relations.models import DeliveryAttempt, PressDelivery, PressRelease
from moderation.worker import tick
from tests.media_relations.conftest import SMTPServer, make_note

# The worker's database queue needs real transactions (django-tasks-db takes an exclusive lock).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def publish(note):
    note.save_revision().publish()


def test_one_message_per_accredited_interested_contact(smtp_server, database_queue, contacts, categories, news_index):
    note = make_note(news_index, [categories["obras"]])
    publish(note)

    # Publishing only queued the job: nothing was sent while it ran.
    assert smtp_server.messages == []
    assert DBTaskResult.objects.filter(task_path__endswith="send_release").count() == 1
    assert PressDelivery.objects.filter(status=PressDelivery.Status.PENDING).count() == 2

    assert tick() == []
    received = sorted(rcpt for item in smtp_server.messages for rcpt in item["rcpt"])
    assert received == ["ana@noticias.example.org", "info@asociacion.example.org"]
    assert set(PressDelivery.objects.values_list("status", flat=True)) == {PressDelivery.Status.SENT}

    message = smtp_server.messages[0]["message"]
    assert str(message["Subject"]).strip() == "Nota de prensa: Inauguración del puente de Sapantiana"
    assert str(message["List-Unsubscribe-Post"]).strip() == "List-Unsubscribe=One-Click"
    header = str(message["List-Unsubscribe"]).strip()
    unsubscribe = re.fullmatch(r"<(http://testserver/prensa/baja/[^/]+/)>", header).group(1)
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    public_url = f"http://localhost:3000/notas-de-prensa/{note.slug}/"
    for body in (text, html):
        assert public_url in body
        assert "El Alcalde inauguró el puente restaurado." in body
        assert "Boletín de obras (PDF)" in body and "http://testserver/documents/" in body
        assert "http://testserver/media/original_images/" in body  # the main image, as a link
        assert unsubscribe in body

    # Again and again: the worker, a new revision published, the task re-run. Nothing is sent twice.
    tick()
    publish(note)
    tick()
    assert len(smtp_server.messages) == 2
    assert PressRelease.objects.count() == 1


def test_scheduled_note_is_sent_when_it_goes_live_not_before(
    smtp_server, database_queue, contacts, categories, news_index
):
    note = make_note(news_index, [categories["obras"]])
    go_live = timezone.now() + dt.timedelta(hours=2)
    note.go_live_at = go_live
    note.save_revision().publish()
    tick()
    assert smtp_server.messages == [] and not PressRelease.objects.exists()
    with time_machine.travel(go_live + dt.timedelta(minutes=1)):
        tick()  # go-live (publish_scheduled), which queues the job
        tick()
    assert len(smtp_server.messages) == 2


def test_one_click_unsubscribe_works_without_login(
    smtp_server, database_queue, contacts, categories, news_index, client
):
    note = make_note(news_index, [categories["obras"]])
    publish(note)
    tick()
    item = next(m for m in smtp_server.messages if m["rcpt"] == ["ana@noticias.example.org"])
    url = str(item["message"]["List-Unsubscribe"]).strip().strip("<>")

    assert client.get(url).status_code == 200  # a link scanner's GET changes nothing
    contact = contacts["wanted"][0]
    contact.refresh_from_db()
    assert contact.unsubscribed_at is None

    response = client.post(url, {"List-Unsubscribe": "One-Click"})  # RFC 8058, no session, no CSRF token
    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.unsubscribed_at is not None
    assert client.post(url.replace("/baja/", "/baja/x"), {}).status_code == 404  # a forged token

    second = make_note(news_index, [categories["obras"]], title="Segunda nota")
    publish(second)
    tick()
    later = [m["rcpt"] for m in smtp_server.messages[2:]]
    assert later == [["info@asociacion.example.org"]]


def test_private_or_unpublished_note_is_never_sent(smtp_server, database_queue, contacts, categories, news_index):
    note = make_note(news_index, [categories["obras"]])
    publish(note)
    note.refresh_from_db()
    note.unpublish()
    tick()
    assert smtp_server.messages == []
    assert set(PressDelivery.objects.values_list("status", flat=True)) == {PressDelivery.Status.SKIPPED}


@pytest.mark.parametrize("reply", ["451 4.3.0 Mailbox temporarily unavailable", "550 5.1.1 User unknown"])
@override_settings(PRESS_MAIL_MAX_ATTEMPTS=3, PRESS_MAIL_BACKOFF_SECONDS=60)
def test_refusing_server_retries_with_backoff_then_logs_failure(
    reply, database_queue, contacts, categories, news_index
):
    from tests.media_relations.conftest import RefusingHandler

    server = SMTPServer(RefusingHandler(reply))
    server.controller.start()
    try:
        with server.settings():
            note = make_note(news_index, [categories["obras"]])
            publish(note)
            assert tick() == []  # the worker carries on
            note.refresh_from_db()
            assert note.live  # and publishing succeeded

            delivery = PressDelivery.objects.get(email="ana@noticias.example.org")
            assert delivery.status == PressDelivery.Status.PENDING and delivery.attempts == 1
            assert reply.split()[0] in delivery.last_error
            first_retry = delivery.next_attempt_at
            assert first_retry >= timezone.now() + dt.timedelta(seconds=55)

            tick()  # not due yet: no new attempt
            assert PressDelivery.objects.get(pk=delivery.pk).attempts == 1

            with time_machine.travel(first_retry + dt.timedelta(seconds=1)):
                tick()
            delivery.refresh_from_db()
            assert delivery.attempts == 2
            assert delivery.next_attempt_at - timezone.now() > dt.timedelta(seconds=110)  # doubled

            with time_machine.travel(delivery.next_attempt_at + dt.timedelta(seconds=1)):
                tick()
            delivery.refresh_from_db()
            assert delivery.status == PressDelivery.Status.FAILED and delivery.attempts == 3
            log = list(DeliveryAttempt.objects.filter(delivery=delivery).values_list("number", "ok", "answer"))
            assert [(number, ok) for number, ok, _answer in log] == [(1, False), (2, False), (3, False)]
            assert all(reply in answer for _n, _ok, answer in log)
            assert server.handler.messages == []
    finally:
        server.controller.stop()


def test_server_down_is_logged_and_publishing_still_succeeds(database_queue, contacts, categories, news_index):
    from tests.media_relations.conftest import free_port

    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=free_port()
    ):
        note = make_note(news_index, [categories["obras"]])
        publish(note)
        assert tick() == []
    note.refresh_from_db()
    assert note.live
    delivery = PressDelivery.objects.get(email="ana@noticias.example.org")
    assert delivery.status == PressDelivery.Status.PENDING and delivery.attempts == 1
    assert "ConnectionRefusedError" in delivery.last_error
