"""Scheduled publishing runs in the worker; the Director's dashboard shows what comes next."""

import datetime

import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from moderation.panels import upcoming
from tests.moderation.helpers import act, draft_news, local, submit


def logged(page, action):
    return PageLogEntry.objects.filter(page=page, action=action)


def test_approved_go_live_and_expiry_run_in_the_worker(draft, as_redactor, as_director, director):
    start = timezone.now().replace(second=0, microsecond=0)
    go_live, expire = start + datetime.timedelta(hours=1), start + datetime.timedelta(hours=3)
    submit(as_redactor, draft, go_live_at=local(go_live), expire_at=local(expire))
    assert act(as_director, draft, "approve", comment="Publicar a la hora indicada.").status_code == 302

    draft.refresh_from_db()
    assert not draft.live
    assert draft.get_latest_revision().approved_go_live_at == go_live
    assert logged(draft, "wagtail.publish.schedule").filter(user=director).exists()

    # The Director's dashboard lists it, beside "awaiting your review".
    home = as_director.get(reverse("wagtailadmin_home")).content.decode()
    panel = home[home.index('id="scheduled-publications-section"') :][:4000]
    assert draft.title in panel and "Se publica" in panel and "Se retira" in panel

    with time_machine.travel(start + datetime.timedelta(hours=2)):
        call_command("worker", "--once")
    draft.refresh_from_db()
    assert draft.live
    assert draft.expire_at == expire
    assert logged(draft, "wagtail.publish.scheduled").exists()

    with time_machine.travel(start + datetime.timedelta(hours=4)):
        call_command("worker", "--once")
    draft.refresh_from_db()
    assert not draft.live and draft.expired
    assert logged(draft, "wagtail.unpublish.scheduled").exists()


def test_a_future_go_live_waits(draft, as_redactor, as_director):
    go_live = timezone.now() + datetime.timedelta(days=1)
    submit(as_redactor, draft, go_live_at=local(go_live))
    act(as_director, draft, "approve")
    call_command("worker", "--once")
    draft.refresh_from_db()
    assert not draft.live
    assert not logged(draft, "wagtail.publish.scheduled").exists()


def test_an_alert_expires_in_the_worker(live_alert):
    live_alert.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    live_alert.save()
    call_command("worker", "--once")
    live_alert.refresh_from_db()
    assert not live_alert.live and live_alert.expired
    assert ModelLogEntry.objects.filter(object_id=str(live_alert.pk), action="wagtail.unpublish.scheduled").exists()


def test_upcoming_lists_go_lives_and_expiries_in_order(
    news_index, director, live_news, live_alert, django_assert_max_num_queries
):
    now = timezone.now()
    for hours in (5, 2):
        page = draft_news(news_index, director, title=f"Programada {hours}h")
        page.go_live_at = now + datetime.timedelta(hours=hours)
        page.save_revision(user=director).publish(user=director)
    live_news.expire_at = now + datetime.timedelta(hours=3)
    live_news.save()
    live_alert.expire_at = now + datetime.timedelta(hours=4)
    live_alert.save()

    with django_assert_max_num_queries(4):  # revisions, pages, one per draftable snippet model
        items = upcoming()
    assert [(item["title"], str(item["what"])) for item in items] == [
        ("Programada 2h", "Se publica"),
        ("Nota publicada", "Se retira"),
        ("Desfile cívico", "Se retira"),
        ("Programada 5h", "Se publica"),
    ]
    assert all(item["url"] for item in items)


def test_the_panel_is_for_publishers(as_redactor, as_director):
    assert "Próximas publicaciones programadas" not in as_redactor.get(reverse("wagtailadmin_home")).content.decode()
    assert "Próximas publicaciones programadas" in as_director.get(reverse("wagtailadmin_home")).content.decode()
