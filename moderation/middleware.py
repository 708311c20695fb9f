"""Four-eyes refusal with a clear message on Wagtail's workflow action URLs.

`DirectorApprovalTask` already refuses these approvals (the view raises
PermissionDenied, which Wagtail turns into a generic "no permission" message). This
middleware answers first, saying why, on the page and snippet workflow action URLs.
"""

from django.http import JsonResponse
from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import TaskState

from moderation.rules import approval_refusal

WORKFLOW_ACTION_URL_NAMES = {"workflow_action", "collect_workflow_action_data"}


class FourEyesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is None
            or match.url_name not in WORKFLOW_ACTION_URL_NAMES
            or not match.namespace.startswith("wagtail")
            or view_kwargs.get("action_name") != "approve"
            or not request.user.is_authenticated
        ):
            return None
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
