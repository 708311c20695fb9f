"""Four-eyes refusal with a clear message on Wagtail's workflow action URLs.

`DirectorApprovalTask` already refuses these approvals (the view raises
PermissionDenied, which Wagtail turns into a generic "no permission" message). This
middleware answers first, saying why, on the page and snippet workflow action URLs.
"""

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import TaskState

from moderation.rules import ALREADY_DECIDED, AlreadyDecided, approval_refusal, lock_object

WORKFLOW_ACTION_URL_NAMES = {"workflow_action", "collect_workflow_action_data"}


CONFIRMATIONS = {
    "approve": _("Aprobó «%(title)s»."),
    "reject": _("Pidió cambios para «%(title)s»: se avisó a quien la envió, con su comentario."),
}


def confirm_workflow_action(request, response):
    """The dashboard's approve and reject buttons reload the page without a word: say what happened."""
    match = request.resolver_match
    action = match.kwargs.get("action_name") if match else None
    if (
        match is None
        or request.method != "POST"
        or match.url_name != "workflow_action"
        or not match.namespace.startswith("wagtail")
        or action not in CONFIRMATIONS
        or response.status_code not in (200, 302)
    ):
        return
    task_state = TaskState.objects.filter(pk=match.kwargs.get("task_state_id")).select_related("revision").first()
    done = {"approve": TaskState.STATUS_APPROVED, "reject": TaskState.STATUS_REJECTED}[action]
    if task_state is None or task_state.status != done or task_state.finished_by_id != request.user.pk:
        return
    messages.success(request, CONFIRMATIONS[action] % {"title": task_state.revision.object_str})


class FourEyesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        confirm_workflow_action(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is None
            or match.url_name not in WORKFLOW_ACTION_URL_NAMES
            or not match.namespace.startswith("wagtail")
            or not request.user.is_authenticated
        ):
            return None
        if view_kwargs.get("action_name") != "approve":
            return self.decide(request, view_func, view_args, view_kwargs)
        return self.refuse_own_work(request, view_kwargs) or self.decide(request, view_func, view_args, view_kwargs)

    def decide(self, request, view_func, view_args, view_kwargs):
        """Run the action in one transaction (as publishing's middleware would); a review someone
        else decided meanwhile (moderation.models: the lock) is a clear message, not a 403 page."""
        if request.method != "POST":
            return None
        try:
            with transaction.atomic():
                self.lock_review(view_kwargs.get("task_state_id"))
                return view_func(request, *view_args, **view_kwargs)
        except AlreadyDecided as refusal:
            return self.refused(request, str(refusal), view_kwargs)

    @staticmethod
    def lock_review(task_state_id):
        """Take the review's lock before Wagtail reads which actions are open, so a second
        Director waits for the first and then sees the review decided (one outcome)."""
        state = TaskState.objects.filter(pk=task_state_id).select_related("workflow_state").first()
        if state is None:
            return
        lock_object(state.workflow_state.base_content_type.model_class(), state.workflow_state.object_id)
        status = TaskState.objects.select_for_update().filter(pk=task_state_id).values_list("status", flat=True)
        if status.first() != TaskState.STATUS_IN_PROGRESS:
            raise AlreadyDecided(ALREADY_DECIDED)

    def refused(self, request, message, view_kwargs):
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return JsonResponse({"step": "error", "error": message}, status=409)
        messages.error(request, message)
        task_state = TaskState.objects.filter(pk=view_kwargs.get("task_state_id")).select_related("revision").first()
        obj = task_state.revision.as_object() if task_state else None
        url = AdminURLFinder(request.user).get_edit_url(obj) if obj is not None else None
        return redirect(url or "wagtailadmin_home")

    def refuse_own_work(self, request, view_kwargs):
        task_state = (
            TaskState.objects.filter(pk=view_kwargs.get("task_state_id"), status=TaskState.STATUS_IN_PROGRESS)
            .select_related("workflow_state", "revision")
            .first()
        )
        refusal = task_state and approval_refusal(task_state, request.user)
        if not refusal:
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return JsonResponse({"step": "error", "error": str(refusal)}, status=403)
        messages.error(request, refusal)
        obj = task_state.revision.as_object()
        return redirect(AdminURLFinder(request.user).get_edit_url(obj) or "wagtailadmin_home")
