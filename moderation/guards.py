"""Server-side refusals run by the admin's `before_*` hooks, before anything is saved.

Wagtail already refuses publishing, unpublishing and deleting live content to users
without publish permission (Redactores). These guards add what stock Wagtail allows
to anyone holding that permission: publishing without review, and approving one's
own work. Superusers are the only ones who publish outside the workflow.
"""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from moderation.models import DirectorApprovalTask
from moderation.rules import DIRECT_PUBLISH_REFUSED, approval_refusal, in_progress_task_state, may_publish_directly

COPY_PUBLISH_REFUSED = _(
    "Las copias y los alias no se publican sin revisión: copie sin publicar y envíe la copia a aprobación."
)


def refuse(request, message, url=None):
    messages.error(request, message)
    return redirect(url or request.get_full_path())


def _approve_refusal(request, obj):
    """The four-eyes refusal for this user on this object's review, if any."""
    task_state = in_progress_task_state(obj)
    if task_state is None:
        return None
    return approval_refusal(task_state, request.user)


def guard_edit(request, obj):
    """Edit views (pages and snippets): direct publish and self-approval are refused."""
    if request.method == "GET":
        note_four_eyes(request, obj)
        return None
    if request.method != "POST":
        return None
    if request.POST.get("action-publish") and not may_publish_directly(request.user):
        return refuse(request, DIRECT_PUBLISH_REFUSED)
    wants_approval = (
        request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name") == "approve"
    )
    if wants_approval and (refusal := _approve_refusal(request, obj)):
        return refuse(request, refusal)
    return None


def guard_create(request):
    """Create views: a new page or alert is saved as a draft and submitted, never published directly."""
    if request.method == "POST" and request.POST.get("action-publish") and not may_publish_directly(request.user):
        return refuse(request, DIRECT_PUBLISH_REFUSED)
    return None


def note_four_eyes(request, obj):
    """Tell a reviewer, on the edit view, why they cannot approve this revision."""
    task_state = in_progress_task_state(obj)
    if task_state is None:
        return
    task = task_state.task.specific
    if isinstance(task, DirectorApprovalTask) and task._may_review(request.user):
        refusal = approval_refusal(task_state, request.user)
        if refusal:
            messages.warning(request, refusal)


def guard_copy(request):
    publishing = request.POST.get("publish_copies") or request.POST.get("alias")
    if request.method == "POST" and publishing and not may_publish_directly(request.user):
        return refuse(request, COPY_PUBLISH_REFUSED)
    return None


def guard_bulk_action(request, action_type, next_url):
    if action_type == "publish" and not may_publish_directly(request.user):
        return refuse(request, DIRECT_PUBLISH_REFUSED, next_url)
    return None
