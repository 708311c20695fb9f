"""The Director's review, driven through the admin: submit, comment, reject, resubmit, approve."""

from django.core import mail
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from moderation.models import DirectorApprovalTask
from tests.moderation.helpers import act, current_task_state, edit_url, post_edit, submit


def actions_logged(page):
    return list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", flat=True))


def test_the_workflow_covers_pages_and_alerts(site_tree, draft, alert_draft):
    workflow = site_tree["workflow"]
    assert workflow.name == "Aprobación del Director"
    assert draft.get_workflow() == workflow
    assert alert_draft.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert isinstance(task, DirectorApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Director"]


def test_submit_reject_with_comment_resubmit_and_approve(
    draft, redactor, director, director2, as_redactor, as_director
):
    mail.outbox.clear()
    submit(as_redactor, draft)
    state = WorkflowState.objects.for_instance(draft).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == redactor

    # Both Directors are told (the submitter is not in the group).
    submitted = [m for m in mail.outbox if draft.title in m.subject]
    assert {m.to[0] for m in submitted} == {director.email, director2.email} and len(submitted) == 2

    # The Director sees the page in "awaiting your review" on the dashboard.
    home = as_director.get("/admin/")
    assert draft.title in home.content.decode()

    # Rejection with a comment: the Redactor is told, with the comment.
    mail.outbox.clear()
    response = act(as_director, draft, "reject", comment="Falta la fuente de las cifras del segundo párrafo.")
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [m.to for m in mail.outbox] == [[redactor.email]]
    assert "Falta la fuente de las cifras del segundo párrafo." in mail.outbox[0].body
    draft.refresh_from_db()
    assert not draft.live

    # The Redactor fixes it and resubmits: the same workflow resumes on the new revision.
    submit(as_redactor, draft, lead="Cifras del INEI, censo 2017.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    draft.refresh_from_db()
    task_state = current_task_state(draft)
    assert task_state.revision == draft.get_latest_revision()
    assert task_state.revision.user == redactor

    # Approved with a comment by a Director: published, and the Redactor is told with the comment.
    mail.outbox.clear()
    response = act(as_director, draft, "approve", comment="Conforme. Publicar hoy.")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.specific.lead == "Cifras del INEI, censo 2017."
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert [m.to for m in mail.outbox] == [[redactor.email]]
    assert "Conforme. Publicar hoy." in mail.outbox[0].body
    assert "director" in mail.outbox[0].body

    log = actions_logged(draft)
    for action in ("wagtail.workflow.start", "wagtail.workflow.reject", "wagtail.workflow.resume"):
        assert action in log
    assert log[-2:] == ["wagtail.workflow.approve", "wagtail.publish"] or log[-2:] == [
        "wagtail.publish",
        "wagtail.workflow.approve",
    ]
    approval = PageLogEntry.objects.get(page=draft, action="wagtail.workflow.approve")
    assert approval.user == director and approval.data["comment"] == "Conforme. Publicar hoy."


def test_approve_from_the_edit_view(draft, as_redactor, as_director2, director2):
    submit(as_redactor, draft)
    data_extra = {"workflow-action-name": "approve", "workflow-action-extra-data": '{"comment": "Visto bueno."}'}
    response = post_edit(as_director2, draft, "action-workflow-action", **data_extra)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    approved = TaskState.objects.for_instance(draft).get(status=TaskState.STATUS_APPROVED)
    assert approved.finished_by == director2 and approved.comment == "Visto bueno."


def test_edit_during_review_needs_a_new_approval(draft, as_redactor, as_director, as_director2, director):
    """Reapproval on edit: the Director's own edit is not published by approving the old revision."""
    submit(as_redactor, draft)
    response = post_edit(as_director, draft, None, lead="Bajada corregida por el Director.")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.get_latest_revision().user == director

    assert act(as_director2, draft, "approve").status_code == 302
    draft.refresh_from_db()
    assert not draft.live, "approving the submitted revision must not publish a later, unreviewed one"
    task_state = current_task_state(draft)
    assert task_state.revision.user == director

    # The Director wrote that revision: only the other Director may approve it.
    act(as_director, draft, "approve")
    draft.refresh_from_db()
    assert not draft.live
    act(as_director2, draft, "approve")
    draft.refresh_from_db()
    assert draft.live and draft.specific.lead == "Bajada corregida por el Director."


def test_edit_view_lists_the_workflow_for_the_director(draft, as_redactor, as_director2):
    submit(as_redactor, draft)
    content = as_director2.get(edit_url(draft)).content.decode()
    assert 'data-workflow-action-name="approve"' in content
    assert 'data-workflow-action-name="reject"' in content
    assert "Publicación de emergencia" in content
