"""The Director's approval task: Wagtail's group approval plus the four-eyes rule."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, TaskState

from moderation.rules import (
    ALREADY_DECIDED,
    AlreadyDecided,
    FourEyesViolation,
    approval_refusal,
    in_progress_task_state,
    lock_object,
)


class DirectorApprovalTask(GroupApprovalTask):
    """Members of the chosen groups approve, but never a revision they wrote or submitted.

    Every route that approves (the edit views' workflow action, the workflow action
    URLs of pages and snippets, the dashboard) ends in `on_action`, which refuses.
    `get_actions` hides the approve button from the same people.
    """

    class Meta:
        verbose_name = _("aprobación de grupo con cuatro ojos")
        verbose_name_plural = _("aprobaciones de grupo con cuatro ojos")

    @classmethod
    def get_description(cls):
        return _(
            "Los miembros de los grupos elegidos aprueban o piden cambios; "
            "nadie aprueba una revisión que redactó o envió."
        )

    def start(self, workflow_state, user=None):
        # The snippet edit view resumes a workflow with an object loaded before it saved the
        # new revision: reload which revision is the latest, so the review covers it.
        obj = workflow_state.content_object
        if obj is not None:
            obj.refresh_from_db(fields=["latest_revision"])
        return super().start(workflow_state, user=user)

    def _may_review(self, user):
        return user.is_active and (user.is_superuser or self._user_in_groups(user))

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions:
            return actions
        task_state = in_progress_task_state(obj)
        if task_state is not None and task_state.task_id == self.pk and approval_refusal(task_state, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if task_state.task_id != self.pk or not self._may_review(user):
            raise PermissionDenied(_("No forma parte de los grupos que revisan esta tarea."))
        # One decision per review: lock the object, then read the task state again.
        workflow_state = task_state.workflow_state
        lock_object(workflow_state.base_content_type.model_class(), workflow_state.object_id)
        current = TaskState.objects.select_for_update().filter(pk=task_state.pk).values_list("status", flat=True)
        if current.first() != TaskState.STATUS_IN_PROGRESS:
            raise AlreadyDecided(ALREADY_DECIDED)
        if action_name == "approve" and (refusal := approval_refusal(task_state, user)):
            raise FourEyesViolation(refusal)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """What waits for this user's review: never their own submissions or revisions."""
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
            .exclude(revision__user=user)
        )
