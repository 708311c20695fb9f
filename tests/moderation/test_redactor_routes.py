"""A Redactor can never publish, unpublish, approve or delete live content, whatever they post."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState

from news.models import NewsPage
from screens.models import Alert
from tests.moderation.helpers import (
    add_news_url,
    alert_form,
    alert_url,
    bulk_url,
    current_task_state,
    local,
    new_news_form,
    post_edit,
    submit,
)


def snapshot(obj):
    """What must not change: live flag, live revision, latest revision, and the publish log."""
    obj.refresh_from_db()
    publishes = PageLogEntry.objects.filter(page_id=obj.pk, action__startswith="wagtail.publish").count()
    return (obj.live, obj.live_revision_id, obj.latest_revision_id, publishes)


def test_redactores_hold_no_publishing_permission(redactor, draft, live_news, live_alert):
    perms = live_news.permissions_for_user(redactor)
    assert not perms.can_publish() and not perms.can_unpublish() and not perms.can_delete()
    assert not redactor.has_perm("screens.publish_alert")
    assert not redactor.has_perm("screens.delete_alert")
    assert draft.permissions_for_user(redactor).can_edit()


def test_edit_view_publish_is_refused(as_redactor, draft):
    before = snapshot(draft)
    response = post_edit(as_redactor, draft, "action-publish", lead="Publicado sin revisión")
    assert response.status_code == 302
    assert snapshot(draft) == before
    assert not draft.live


def test_edit_view_publish_on_a_live_page_is_refused(as_redactor, live_news):
    before = snapshot(live_news)
    post_edit(as_redactor, live_news, "action-publish", lead="Cambio sin revisión")
    assert snapshot(live_news) == before
    assert live_news.get_latest_revision_as_object().lead != "Cambio sin revisión"


def test_create_and_publish_is_refused(as_redactor, news_index):
    count = NewsPage.objects.count()
    response = as_redactor.post(add_news_url(news_index), new_news_form("Nota directa", "action-publish"))
    assert response.status_code == 302
    assert NewsPage.objects.count() == count
    assert not Page.objects.filter(title="Nota directa").exists()
    # The same form, submitted for review instead, is accepted: only publishing was refused.
    as_redactor.post(add_news_url(news_index), new_news_form("Nota directa", "action-submit"))
    page = NewsPage.objects.get(title="Nota directa")
    assert not page.live and page.workflow_in_progress


@pytest.mark.parametrize("method", ["get", "post"])
def test_unpublish_view_is_refused(as_redactor, live_news, method):
    before = snapshot(live_news)
    response = getattr(as_redactor, method)(reverse("wagtailadmin_pages:unpublish", args=[live_news.pk]))
    assert response.status_code in (302, 403)
    assert snapshot(live_news) == before and live_news.live


def test_delete_view_is_refused_for_live_pages(as_redactor, live_news):
    response = as_redactor.post(reverse("wagtailadmin_pages:delete", args=[live_news.pk]))
    assert response.status_code in (302, 403)
    assert Page.objects.filter(pk=live_news.pk, live=True).exists()


@pytest.mark.parametrize("action", ["publish", "unpublish", "delete"])
def test_bulk_actions_are_refused(as_redactor, draft, live_news, action):
    target = draft if action == "publish" else live_news
    before = snapshot(target)
    response = as_redactor.post(bulk_url(action, target), {"include_descendants": ""})
    assert response.status_code in (200, 302, 403)
    assert Page.objects.filter(pk=target.pk).exists()
    assert snapshot(target) == before


@pytest.mark.parametrize("url_name", ["workflow_action", "collect_workflow_action_data"])
@pytest.mark.parametrize("action", ["approve", "reject"])
def test_workflow_action_urls_are_refused(as_redactor, draft, url_name, action):
    submit(as_redactor, draft)
    task_state = current_task_state(draft)
    url = reverse(f"wagtailadmin_pages:{url_name}", args=[draft.pk, action, task_state.pk])
    response = as_redactor.post(url, {"comment": "yo mismo"})
    assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    draft.refresh_from_db()
    assert not draft.live


def test_edit_view_workflow_action_is_refused(as_redactor, draft):
    submit(as_redactor, draft)
    before = snapshot(draft)
    post_edit(as_redactor, draft, "action-workflow-action", **{"workflow-action-name": "approve"})
    assert snapshot(draft) == before
    assert current_task_state(draft).status == TaskState.STATUS_IN_PROGRESS


def test_a_go_live_time_set_by_a_redactor_publishes_nothing(as_redactor, draft):
    """Scheduling is part of publishing: the worker only publishes revisions a Director approved."""
    past = timezone.now() - datetime.timedelta(hours=1)
    assert post_edit(as_redactor, draft, None, go_live_at=local(past)).status_code == 302
    submit(as_redactor, draft, go_live_at=local(past))
    draft.refresh_from_db()
    assert draft.go_live_at is not None
    call_command("worker", "--once")
    draft.refresh_from_db()
    assert not draft.live
    assert not draft.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_the_public_api_is_read_only(as_redactor, draft):
    before = snapshot(draft)
    for method in ("post", "put", "patch", "delete"):
        response = getattr(as_redactor, method)(f"/api/v2/pages/{draft.pk}/", {"live": True})
        assert response.status_code in (404, 405)
    assert snapshot(draft) == before


# --- The moderated snippet (screens.Alert) ----------------------------------------------


def alert_snapshot(alert):
    alert.refresh_from_db()
    return (alert.live, alert.live_revision_id, alert.latest_revision_id)


def test_alert_publish_is_refused(as_redactor, alert_draft):
    before = alert_snapshot(alert_draft)
    data = {**alert_form(alert_draft, title="Alerta sin revisión"), "action-publish": "1"}
    response = as_redactor.post(alert_url("edit", alert_draft), data)
    assert response.status_code == 302
    assert alert_snapshot(alert_draft) == before and not alert_draft.live


def test_alert_create_and_publish_is_refused(as_redactor, alert_draft):
    count = Alert.objects.count()
    data = {**alert_form(alert_draft, title="Otra alerta"), "action-publish": "1"}
    response = as_redactor.post(reverse("wagtailsnippets_screens_alert:add"), data)
    assert response.status_code == 302
    assert Alert.objects.count() == count


def test_alert_unpublish_and_delete_are_refused(as_redactor, live_alert):
    before = alert_snapshot(live_alert)
    for name in ("unpublish", "delete"):
        response = as_redactor.post(alert_url(name, live_alert))
        assert response.status_code in (302, 403)
    assert Alert.objects.filter(pk=live_alert.pk).exists()
    assert alert_snapshot(live_alert) == before and live_alert.live


def test_alert_bulk_delete_is_refused(as_redactor, live_alert):
    as_redactor.post(bulk_url("delete", live_alert, app_label="screens", model_name="alert"))
    assert Alert.objects.filter(pk=live_alert.pk, live=True).exists()


def test_alert_workflow_approval_is_refused(as_redactor, alert_draft):
    response = as_redactor.post(alert_url("edit", alert_draft), {**alert_form(alert_draft), "action-submit": "1"})
    assert response.status_code == 302
    task_state = current_task_state(alert_draft)
    response = as_redactor.post(alert_url("workflow_action", alert_draft, "approve", task_state.pk))
    assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    alert_draft.refresh_from_db()
    assert not alert_draft.live
