"""Emergency publication: Director-only, needs a written reason, cancels the review, is logged and reported."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState

from moderation.rules import EMERGENCY_PUBLISH
from screens.models import Alert
from tests.moderation.helpers import alert_form, alert_url, draft_news, edit_url, login, submit

REASON = "Comunicado urgente del Alcalde por la emergencia vial en la Av. de la Cultura."


def emergency_url(obj, app_label="wagtailcore", model_name="page"):
    return reverse("moderation_emergency_publish", args=[app_label, model_name, obj.pk])


def report_url():
    return reverse("moderation_emergency_report")


def test_only_directors_get_the_emergency_path(draft, as_redactor, administrador, as_director):
    for client in (as_redactor, login(administrador)):
        response = client.post(emergency_url(draft), {"reason": REASON})
        assert response.status_code in (302, 403)
        assert "Publicación de emergencia" not in client.get(edit_url(draft)).content.decode()
    draft.refresh_from_db()
    assert not draft.live
    assert not PageLogEntry.objects.filter(action=EMERGENCY_PUBLISH).exists()
    assert "Publicación de emergencia" in as_director.get(edit_url(draft)).content.decode()


def test_a_reason_is_required(draft, as_director):
    for reason in ("", "   ", "urgente"):
        response = as_director.post(emergency_url(draft), {"reason": reason})
        assert response.status_code == 200
        assert response.context["form"].errors["reason"]
    draft.refresh_from_db()
    assert not draft.live
    assert not PageLogEntry.objects.filter(action=EMERGENCY_PUBLISH).exists()


def test_emergency_publish_cancels_the_review_and_logs_the_reason(draft, redactor, director, as_redactor, as_director):
    submit(as_redactor, draft)
    state = WorkflowState.objects.for_instance(draft).get()
    form = as_director.get(emergency_url(draft))
    assert form.status_code == 200 and "se cancelará" in form.content.decode()

    response = as_director.post(emergency_url(draft), {"reason": REASON})
    assert response.status_code == 302 and response.url == edit_url(draft)

    draft.refresh_from_db()
    assert draft.live and draft.live_revision == draft.get_latest_revision()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED
    entry = PageLogEntry.objects.get(page=draft, action=EMERGENCY_PUBLISH)
    assert entry.user == director
    assert entry.data["reason"] == REASON
    assert entry.data["cancelled_workflow_state_id"] == state.pk
    assert entry.revision_id == draft.live_revision_id
    assert REASON in entry.message  # the history and site-history views show it
    assert PageLogEntry.objects.filter(page=draft, action="wagtail.publish", user=director).exists()


def test_nothing_to_publish_is_an_error_not_a_log(live_news, as_director):
    response = as_director.post(emergency_url(live_news), {"reason": REASON})
    assert response.status_code == 302
    assert not PageLogEntry.objects.filter(action=EMERGENCY_PUBLISH).exists()


def test_emergency_publish_of_an_alert(alert_draft, director, as_redactor, as_director):
    as_redactor.post(alert_url("edit", alert_draft), {**alert_form(alert_draft), "action-submit": "1"})
    assert "Publicación de emergencia" in as_director.get(alert_url("edit", alert_draft)).content.decode()
    response = as_director.post(emergency_url(alert_draft, "screens", "alert"), {"reason": REASON})
    assert response.status_code == 302
    alert_draft.refresh_from_db()
    assert alert_draft.live
    assert not WorkflowState.objects.for_instance(alert_draft).active().exists()
    entry = ModelLogEntry.objects.get(action=EMERGENCY_PUBLISH)
    assert entry.content_type == ContentType.objects.get_for_model(alert_draft)
    assert entry.object_id == str(alert_draft.pk) and entry.data["reason"] == REASON


def test_unmoderated_models_have_no_emergency_path(as_director):
    from tests.factories import CategoryFactory

    category = CategoryFactory()
    response = as_director.get(emergency_url(category, "cms", "category"))
    assert response.status_code == 404


def new_alert(author, title):
    alert = Alert(title=title, message="Mensaje", ends_at=timezone.now() + datetime.timedelta(days=1))
    alert.live = False
    alert.save()
    alert.save_revision(user=author)
    return alert


def test_the_report_lists_emergency_publications(
    news_index, draft, alert_draft, redactor, as_redactor, as_director, as_director2, django_assert_max_num_queries
):
    as_director.post(emergency_url(draft), {"reason": REASON})
    as_director.post(emergency_url(alert_draft, "screens", "alert"), {"reason": "Alerta sísmica simulacro nacional."})
    as_director2.get(report_url())  # warm the per-process caches (content types, menus)
    with CaptureQueriesContext(connection) as one_of_each:
        as_director2.get(report_url())
    cost = len(one_of_each)  # read now: the log is reset by the next request

    as_director.post(emergency_url(draft_news(news_index, redactor, title="Segunda nota")), {"reason": REASON})
    as_director.post(emergency_url(new_alert(redactor, "Segunda alerta"), "screens", "alert"), {"reason": REASON})
    submit(as_redactor, draft, lead="Otra versión")  # other log entries must not appear

    with django_assert_max_num_queries(cost):  # the cost does not grow with the number of entries
        response = as_director2.get(report_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Publicaciones de emergencia" in content
    assert REASON in content and "Alerta sísmica simulacro nacional." in content
    for title in (draft.title, alert_draft.title, "Segunda nota", "Segunda alerta"):
        assert title in content
    assert content.count(REASON) == 3
    entries = response.context["object_list"]
    assert len(entries) == 4 and {entry.action for entry in entries} == {EMERGENCY_PUBLISH}


def test_who_sees_the_report(as_redactor, as_director, administrador):
    assert login(administrador).get(report_url()).status_code == 200
    assert as_redactor.get(report_url()).status_code in (302, 403)
    assert reverse("moderation_emergency_report") in as_director.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_exports_the_reason(draft, as_director):
    as_director.post(emergency_url(draft), {"reason": REASON})
    response = as_director.get(report_url() + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert REASON in body
