"""Nobody approves a revision they wrote or submitted, whatever route or data they use."""

import json

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from moderation.rules import FourEyesViolation
from tests.moderation.helpers import (
    current_task_state,
    draft_news,
    edit_url,
    post_edit,
    submit,
    workflow_action_url,
)


@pytest.fixture
def own_submission(news_index, director, as_director):
    """A press note the Director wrote and submitted."""
    page = draft_news(news_index, director, title="Nota del Director")
    submit(as_director, page)
    return page


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def assert_still_awaiting_review(page):
    page.refresh_from_db()
    assert not page.live
    assert page.live_revision_id is None
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.for_instance(page).filter(status=TaskState.STATUS_APPROVED).exists()


def test_the_edit_view_explains_and_offers_no_approve(own_submission, as_director):
    response = as_director.get(edit_url(own_submission))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-workflow-action-name="approve"' not in content
    assert 'data-workflow-action-name="reject"' in content  # they may still ask for changes
    assert "No puede aprobar una revisión que usted mismo envió" in content


def test_approve_posted_to_the_edit_view_is_refused(own_submission, as_director):
    own_submission.refresh_from_db()
    before = own_submission.get_latest_revision().pk
    response = post_edit(
        as_director,
        own_submission,
        "action-workflow-action",
        **{"workflow-action-name": "approve", "workflow-action-extra-data": json.dumps({"comment": "Aprobado"})},
        lead="Cambio que no debe guardarse.",
    )
    assert response.status_code == 302
    assert any("otro miembro del grupo Director" in m for m in messages_of(response))
    assert_still_awaiting_review(own_submission)
    assert own_submission.get_latest_revision().pk == before  # nothing saved either


@pytest.mark.parametrize("url_name", ["workflow_action", "collect_workflow_action_data"])
def test_approve_posted_to_the_workflow_action_urls_is_refused(own_submission, as_director, url_name):
    task_state = current_task_state(own_submission)
    url = reverse(f"wagtailadmin_pages:{url_name}", args=[own_submission.pk, "approve", task_state.pk])
    response = as_director.post(url, {"comment": "Lo apruebo yo mismo"})
    assert response.status_code == 302
    assert response.url == edit_url(own_submission)
    assert any("otro miembro del grupo Director" in m for m in messages_of(response))
    assert_still_awaiting_review(own_submission)


def test_approve_by_ajax_gets_a_json_refusal(own_submission, as_director):
    task_state = current_task_state(own_submission)
    response = as_director.post(
        workflow_action_url(own_submission, "approve", task_state),
        {"comment": ""},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 403
    assert "otro miembro del grupo Director" in response.json()["error"]
    assert_still_awaiting_review(own_submission)


def test_the_task_itself_refuses_without_the_middleware(own_submission, director):
    """Defence in depth: any future route ends in on_action, which checks again."""
    task_state = current_task_state(own_submission)
    with pytest.raises(FourEyesViolation):
        task_state.task.specific.on_action(task_state, director, "approve", comment="")
    assert_still_awaiting_review(own_submission)


def test_the_task_refuses_outsiders_whatever_they_post(own_submission, redactor):
    task_state = current_task_state(own_submission)
    for action in ("approve", "reject"):
        with pytest.raises(PermissionDenied) as excinfo:
            task_state.task.specific.on_action(task_state, redactor, action, comment="")
        assert "grupos que revisan" in str(excinfo.value)
    assert_still_awaiting_review(own_submission)


def test_a_revision_the_director_wrote_needs_the_other_director(news_index, redactor, director, as_redactor):
    """The Redactor submits, but the latest revision is the Director's: the author may not approve it."""
    page = draft_news(news_index, redactor)
    page.save_revision(user=director)
    task_state = page.get_workflow().start(page, redactor).current_task_state
    assert task_state.revision.user == director
    with pytest.raises(FourEyesViolation):
        task_state.task.specific.on_action(task_state, director, "approve", comment="")
    assert_still_awaiting_review(page)


def test_the_other_director_approves(own_submission, as_director2, director2):
    response = as_director2.post(
        workflow_action_url(own_submission, "approve", current_task_state(own_submission)), {"comment": ""}
    )
    assert response.status_code == 302
    own_submission.refresh_from_db()
    assert own_submission.live
    assert WorkflowState.objects.for_instance(own_submission).get().status == WorkflowState.STATUS_APPROVED


def test_own_submissions_are_not_awaiting_your_review(own_submission, director, director2):
    assert not TaskState.objects.reviewable_by(director).exists()
    assert list(TaskState.objects.reviewable_by(director2)) == [current_task_state(own_submission)]


def test_dashboard_offers_approve_only_to_the_other_director(own_submission, as_director, as_director2):
    url = workflow_action_url(own_submission, "approve", current_task_state(own_submission))
    assert url not in as_director.get(reverse("wagtailadmin_home")).content.decode()
    assert url in as_director2.get(reverse("wagtailadmin_home")).content.decode()
