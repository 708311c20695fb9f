"""Server-side refusals run by the admin's `before_*` hooks, before anything is saved.

Wagtail already refuses publishing, unpublishing and deleting live content to users
without publish permission (Redactores). These guards add what stock Wagtail allows
to anyone holding that permission: publishing without review, and approving one's
own work. Superusers are the only ones who publish outside the workflow.
"""

from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.models import WorkflowMixin, WorkflowState

from moderation.models import DirectorApprovalTask
from moderation.rules import DIRECT_PUBLISH_REFUSED, approval_refusal, in_progress_task_state, may_publish_directly

RESUBMIT_HINT = _("Haga los cambios y vuelva a enviarla a aprobación.")
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
        note_requested_changes(request, obj)
        return None
    if request.method != "POST":
        return None
    # "action-publish": Wagtail's editor; "action=publish": wagtail-localize's translation editor.
    publishes = request.POST.get("action-publish") or request.POST.get("action") == "publish"
    if publishes and not may_publish_directly(request.user):
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


def note_requested_changes(request, obj):
    """Until it is resubmitted, the edit view shows what the reviewer asked for, with their comment."""
    if not isinstance(obj, WorkflowMixin) or obj.pk is None:
        return
    workflow_state = obj.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = workflow_state.current_task_state
    if task_state is None:
        return
    reviewer = (
        task_state.finished_by.get_full_name() or task_state.finished_by.get_username()
        if task_state.finished_by
        else ""
    )
    comment = (task_state.comment or "").strip()
    message = _("%(reviewer)s pidió cambios el %(date)s") % {
        "reviewer": reviewer or _("El Director"),
        "date": date_format(timezone.localtime(task_state.finished_at), "DATETIME_FORMAT")
        if task_state.finished_at
        else "",
    }
    if comment:
        message = format_html("{}: «{}». {}", message, comment, RESUBMIT_HINT)
    else:
        message = format_html("{}. {}", message, RESUBMIT_HINT)
    messages.warning(request, message)


def guard_copy(request):
    publishing = request.POST.get("publish_copies") or request.POST.get("alias")
    if request.method == "POST" and publishing and not may_publish_directly(request.user):
        return refuse(request, COPY_PUBLISH_REFUSED)
    return None


def guard_bulk_action(request, action_type, next_url):
    if action_type == "publish" and not may_publish_directly(request.user):
        return refuse(request, DIRECT_PUBLISH_REFUSED, next_url)
    return None
