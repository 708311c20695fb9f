"""Moderation emails (Django's locmem outbox): who gets them, and that they carry the comment."""

from django.core import mail
from wagtail.users.models import UserProfile

from tests.moderation.helpers import act, alert_form, alert_url, current_task_state, submit


def test_notification_preferences_are_respected(draft, director, director2, as_redactor):
    profile = UserProfile.get_for_user(director)
    profile.submitted_notifications = False
    profile.save()
    mail.outbox.clear()
    submit(as_redactor, draft)
    assert [m.to for m in mail.outbox] == [[director2.email]]
    assert draft.title in mail.outbox[0].subject


def test_directors_without_email_are_skipped(draft, director, director2, as_redactor):
    director.email = ""
    director.save()
    mail.outbox.clear()
    submit(as_redactor, draft)
    assert [m.to for m in mail.outbox] == [[director2.email]]


def test_the_approval_email_names_the_approver(draft, redactor, as_redactor, as_director2):
    submit(as_redactor, draft)
    mail.outbox.clear()
    act(as_director2, draft, "approve")  # no comment: the email still says who approved
    assert [m.to for m in mail.outbox] == [[redactor.email]]
    assert "Aprobado por: director2" in mail.outbox[0].body


def test_alert_approval_and_rejection_emails_carry_the_comment(alert_draft, redactor, as_redactor, as_director):
    as_redactor.post(alert_url("edit", alert_draft), {**alert_form(alert_draft), "action-submit": "1"})
    mail.outbox.clear()
    task_state = current_task_state(alert_draft)
    as_director.post(
        alert_url("workflow_action", alert_draft, "reject", task_state.pk), {"comment": "Precise el horario."}
    )
    assert [m.to for m in mail.outbox] == [[redactor.email]]
    assert "Precise el horario." in mail.outbox[0].body

    # Resubmitted with the change asked for: the review covers the new revision, one approval publishes it.
    data = {**alert_form(alert_draft, title="Corte de agua de 8:00 a 14:00"), "action-submit": "1"}
    as_redactor.post(alert_url("edit", alert_draft), data)
    alert_draft.refresh_from_db()
    task_state = current_task_state(alert_draft)
    assert task_state.revision_id == alert_draft.latest_revision_id
    mail.outbox.clear()
    as_director.post(alert_url("workflow_action", alert_draft, "approve", task_state.pk), {"comment": "Conforme."})
    alert_draft.refresh_from_db()
    assert alert_draft.live and alert_draft.title == "Corte de agua de 8:00 a 14:00"
    assert [m.to for m in mail.outbox] == [[redactor.email]]
    assert "Conforme." in mail.outbox[0].body
