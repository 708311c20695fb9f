"""Moderation emails: Wagtail's, with the reviewer's comment added to the approval email."""

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved

# Wagtail connects its approval notifier under this id (wagtail/admin/signal_handlers.py).
APPROVAL_DISPATCH_UID = "workflow_state_approved_email_notification"


class ApprovalWithCommentEmailNotifier(WorkflowStateApprovalEmailNotifier):
    """Tells the submitter who approved and what they said (stock Wagtail omits the comment)."""

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        task_state = workflow_state.current_task_state
        if task_state is not None:
            task_state = task_state.specific
            context["task"] = task_state.task
            context["task_state"] = task_state
            context["comment"] = task_state.get_comment()
        return context


approval_email_notifier = ApprovalWithCommentEmailNotifier()


def connect_notifiers():
    # Replace Wagtail's receiver whether its app is ready before or after ours: a second
    # connect() with the same dispatch_uid is ignored, so ours stays the only one.
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=APPROVAL_DISPATCH_UID)
    workflow_approved.connect(approval_email_notifier, sender=WorkflowState, dispatch_uid=APPROVAL_DISPATCH_UID)
