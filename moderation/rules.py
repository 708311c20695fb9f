"""The moderation rules every route shares: four-eyes approval and who may publish directly."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Page, TaskState, WorkflowMixin
from wagtail.permissions import policy_registry

from cms.roles import is_director

EMERGENCY_PUBLISH = "moderation.emergency_publish"

SUBMITTED_BY_YOU = _(
    "No puede aprobar una revisión que usted mismo envió a revisión: "
    "debe aprobarla otro miembro del grupo Director (regla de los cuatro ojos)."
)
AUTHORED_BY_YOU = _(
    "No puede aprobar una revisión de la que usted es autor: "
    "debe aprobarla otro miembro del grupo Director (regla de los cuatro ojos)."
)
DIRECT_PUBLISH_REFUSED = _(
    "La publicación directa no está permitida: envíe el contenido a «Aprobación del Director». "
    "Solo un Director puede usar la publicación de emergencia, con un motivo por escrito."
)


class FourEyesViolation(PermissionDenied):
    """Raised when someone tries to approve a revision they wrote or submitted."""


ALREADY_DECIDED = _(
    "Otra persona ya resolvió esta revisión (la aprobó, la rechazó o la publicó por emergencia) "
    "mientras usted la revisaba. Vuelva a cargar la página para ver su estado actual."
)


class AlreadyDecided(PermissionDenied):
    """Raised when a review was approved, rejected or cancelled by someone else meanwhile."""


def lock_object(model, pk):
    """Lock the row of the page or snippet under review until the transaction ends.

    Approval, rejection and emergency publication all take this lock first (PostgreSQL:
    SELECT … FOR UPDATE; SQLite: the IMMEDIATE transaction already serialises writers), so
    two Directors at once are decided one after the other and the second sees the first's
    outcome instead of publishing again.
    """
    model._default_manager.select_for_update().filter(pk=pk).values_list("pk", flat=True).first()


def approval_refusal(task_state, user):
    """The reason `user` may not approve `task_state`, or None when they may."""
    requested_by_id = task_state.workflow_state.requested_by_id
    if requested_by_id is not None and requested_by_id == user.pk:
        return SUBMITTED_BY_YOU
    author_id = task_state.revision.user_id
    if author_id is not None and author_id == user.pk:
        return AUTHORED_BY_YOU
    return None


def in_progress_task_state(obj):
    """The task state awaiting review on a page or moderated snippet, if any."""
    if not isinstance(obj, WorkflowMixin) or obj.pk is None:
        return None
    return (
        TaskState.objects.for_instance(obj)
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state", "revision", "task")
        .order_by("-started_at", "-id")
        .first()
    )


def may_publish_directly(user):
    """Only superusers (technical accounts) publish outside the workflow."""
    return user.is_active and user.is_superuser


def has_publish_permission(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    return policy_registry.get_by_type(type(obj)).user_has_permission(user, "publish")


def is_moderated(obj):
    """Pages and draftable snippets go through the workflow; other snippets do not."""
    return isinstance(obj, Page) or (isinstance(obj, DraftStateMixin) and isinstance(obj, WorkflowMixin))


def can_emergency_publish(user, obj):
    """Director-only: publish the latest revision now, without a second approver."""
    return is_moderated(obj) and is_director(user) and has_publish_permission(user, obj)


def has_something_to_publish(obj):
    return obj.pk is not None and obj.latest_revision_id is not None and (not obj.live or obj.has_unpublished_changes)
