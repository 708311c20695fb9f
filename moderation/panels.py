"""Dashboard panel for the Director: approved publications and expiries still to come."""

from django.apps import apps
from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse
from django.utils import dateparse, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import DraftStateMixin, Page, Revision
from wagtail.permissions import policy_registry

LIMIT = 10
GO_LIVE = _("Se publica")
EXPIRES = _("Se retira")


def snippet_models():
    """Draftable non-page models (Alert…): the ones scheduled publishing applies to."""
    return [m for m in apps.get_models() if issubclass(m, DraftStateMixin) and not issubclass(m, Page)]


def edit_url(model, pk):
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    viewset = getattr(model, "snippet_viewset", None)
    try:
        return reverse(viewset.get_url_name("edit"), args=[quote(pk)]) if viewset else None
    except NoReverseMatch:
        return None


def _revision_items(now):
    """Approved revisions waiting for their go-live time, and the expiry they carry."""
    items = []
    revisions = (
        Revision.objects.filter(approved_go_live_at__gt=now)
        .select_related("base_content_type", "content_type")
        .order_by("approved_go_live_at")[:LIMIT]
    )
    for revision in revisions:
        url = edit_url(revision.base_content_type.model_class(), revision.object_id)
        kind = revision.content_type.model_class()._meta.verbose_name
        common = {"title": revision.object_str, "kind": kind, "url": url}
        items.append({**common, "when": revision.approved_go_live_at, "what": GO_LIVE})
        expire_at = dateparse.parse_datetime(revision.content.get("expire_at") or "")
        if expire_at and expire_at > now:
            items.append({**common, "when": expire_at, "what": EXPIRES})
    return items


def _live_expiry_items(now):
    """Live pages and snippets with an expiry in the future."""
    items = []
    pages = Page.objects.live().filter(expire_at__gt=now).order_by("expire_at")[:LIMIT]
    for page in pages.select_related("content_type"):
        kind = page.content_type.model_class()._meta.verbose_name
        url = edit_url(Page, page.pk)
        items.append({"title": page.get_admin_display_title(), "kind": kind, "url": url, "when": page.expire_at})
    for model in snippet_models():
        for obj in model._default_manager.filter(live=True, expire_at__gt=now).order_by("expire_at")[:LIMIT]:
            kind = model._meta.verbose_name
            items.append({"title": str(obj), "kind": kind, "url": edit_url(model, obj.pk), "when": obj.expire_at})
    for item in items:
        item["what"] = EXPIRES
    return items


def upcoming(now=None):
    """The next LIMIT scheduled go-lives and expiries, soonest first (a fixed number of queries)."""
    now = now or timezone.now()
    items = _revision_items(now) + _live_expiry_items(now)
    return sorted(items, key=lambda item: item["when"])[:LIMIT]


class ScheduledPublicationsPanel(Component):
    name = "scheduled_publications"
    template_name = "moderation/home/scheduled_publications.html"
    order = 225  # right after Wagtail's "awaiting your review" (220)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["items"] = upcoming()
        return context


def shows_panel(user):
    """Publishers (the Director) see what will go live or expire next."""
    return policy_registry.get_by_type(Page).user_has_permission(user, "publish")
