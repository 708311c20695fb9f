"""Dashboard panel for Redactores: their drafts, what is in review, what came back with the
reviewer's comment, and what is scheduled to go live."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState

from cms.roles import is_director
from moderation.panels import edit_url

LIMIT = 10


def _item(obj, **extra):
    model = type(obj)
    base = Page if isinstance(obj, Page) else model
    title = obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)
    return {"title": title, "kind": model._meta.verbose_name, "url": edit_url(base, obj.pk), **extra}


def returned(user):
    states = (
        WorkflowState.objects.filter(requested_by=user, status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")[:LIMIT]
    )
    items = []
    for state in states:
        obj = state.content_object
        task_state = state.current_task_state
        if obj is None or task_state is None:
            continue
        reviewer = task_state.finished_by
        items.append(
            _item(
                obj.specific if isinstance(obj, Page) else obj,
                comment=task_state.comment,
                reviewer=(reviewer.get_full_name() or reviewer.get_username()) if reviewer else "",
                when=task_state.finished_at,
            )
        )
    return items


def in_review(user):
    states = WorkflowState.objects.filter(requested_by=user, status=WorkflowState.STATUS_IN_PROGRESS).order_by(
        "-created_at"
    )[:LIMIT]
    items = []
    for state in states:
        obj = state.content_object
        if obj is not None:
            items.append(_item(obj.specific if isinstance(obj, Page) else obj, when=state.created_at))
    return items


def drafts(user):
    active = WorkflowState.objects.active().filter(base_content_type__model="page").values("object_id")
    pages = (
        Page.objects.filter(latest_revision__user=user, has_unpublished_changes=True)
        .exclude(pk__in=[int(row["object_id"]) for row in active])
        .select_related("content_type", "latest_revision")
        .order_by("-latest_revision__created_at")[:LIMIT]
    )
    return [_item(page.specific_deferred, when=page.latest_revision.created_at) for page in pages]


def scheduled(user):
    revisions = Revision.objects.filter(user=user, approved_go_live_at__gt=timezone.now()).order_by(
        "approved_go_live_at"
    )[:LIMIT]
    items = []
    for revision in revisions:
        obj = revision.as_object()
        items.append(_item(obj, when=revision.approved_go_live_at))
    return items


class MyWorkPanel(Component):
    name = "my_work"
    template_name = "moderation/home/my_work.html"
    order = 90  # first on the dashboard

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["sections"] = [
            (_("Devueltas con comentarios"), "returned", returned(self.user)),
            (_("En revisión"), "in_review", in_review(self.user)),
            (_("Mis borradores"), "drafts", drafts(self.user)),
            (_("Programadas"), "scheduled", scheduled(self.user)),
        ]
        return context


def shows_my_work(user):
    """Everyone who writes but does not review: the Redactores."""
    return user.is_authenticated and not is_director(user)
