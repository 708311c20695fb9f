"""Admin wiring of the moderation rules: guards, emergency publication, report, dashboard panel."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import escapejs, format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem as PageActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import DraftStateMixin, WorkflowMixin
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem

from moderation import guards, translations
from moderation.emergency import EmergencyPublishView, emergency_publish_url
from moderation.messages import CONFIRM_CHANGED_WHILE_REVIEWING, warn_if_changed_while_reviewing
from moderation.my_work import MyWorkPanel, shows_my_work
from moderation.panels import ScheduledPublicationsPanel, shows_panel
from moderation.reports import EmergencyPublicationsReportView, can_view_emergency_report
from moderation.rules import (
    EMERGENCY_PUBLISH,
    can_emergency_publish,
    has_something_to_publish,
    is_moderated,
    may_publish_directly,
)

# --- Guards: refuse before Wagtail's views save or publish anything ----------------


@hooks.register("before_edit_page")
def guard_page_edit(request, page):
    return guards.guard_edit(request, page)


@hooks.register("before_create_page")
def guard_page_create(request, parent_page, page_class):
    return guards.guard_create(request)


@hooks.register("before_edit_snippet")
def guard_snippet_edit(request, instance):
    return guards.guard_edit(request, instance) if is_moderated(instance) else None


@hooks.register("before_create_snippet")
def guard_snippet_create(request, model):
    return guards.guard_create(request)


@hooks.register("before_copy_page")
def guard_page_copy(request, page):
    return guards.guard_copy(request)


@hooks.register("before_bulk_action")
def guard_bulk_action(request, action_type, objects, action_class_instance):
    return guards.guard_bulk_action(request, action_type, action_class_instance.next_url)


def _without_direct_publish(menu_items, request):
    if not may_publish_directly(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_page_action_menu")
def hide_page_publish(menu_items, request, context):
    _without_direct_publish(menu_items, request)


@hooks.register("construct_snippet_action_menu")
def hide_snippet_publish(menu_items, request, context):
    _without_direct_publish(menu_items, request)


# --- Reviewers who change what they review -----------------------------------------


@hooks.register("insert_editor_js")
def review_changes_js():
    """Asks before approving content changed in the editor (moderation/static/moderation/review-changes.js)."""
    return format_html(
        '<script>document.body.dataset.moderationConfirmChanged = "{}";</script><script src="{}"></script>',
        escapejs(CONFIRM_CHANGED_WHILE_REVIEWING),
        static("moderation/review-changes.js"),
    )


@hooks.register("after_edit_page")
def explain_changed_while_reviewing(request, page):
    """Wagtail saved the reviewer's change as their revision, which restarted the review: say so."""
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        latest = page.get_latest_revision()
        warn_if_changed_while_reviewing(request, changed=latest is not None and latest.user_id == request.user.pk)


# --- Emergency publication ----------------------------------------------------------

EMERGENCY_LABEL = _("Publicación de emergencia")


class EmergencyPublishPageMenuItem(PageActionMenuItem):
    label = EMERGENCY_LABEL
    name = "action-emergency-publish"
    icon_name = "warning"
    order = 90

    def is_shown(self, context):
        page = context.get("page")
        if context["view"] != "edit" or context.get("locked_for_user") or page is None:
            return False
        return has_something_to_publish(page) and can_emergency_publish(context["request"].user, page)

    def get_url(self, parent_context):
        return emergency_publish_url(parent_context["page"])


class EmergencyPublishSnippetMenuItem(SnippetActionMenuItem):
    label = EMERGENCY_LABEL
    name = "action-emergency-publish"
    icon_name = "warning"
    order = 90

    def is_shown(self, context):
        instance = context.get("instance")
        if context["view"] != "edit" or context.get("locked_for_user") or instance is None:
            return False
        return can_emergency_publish(context["request"].user, instance) and has_something_to_publish(instance)

    def get_url(self, parent_context):
        return emergency_publish_url(parent_context["instance"])


@hooks.register("register_page_action_menu_item")
def register_emergency_page_item():
    return EmergencyPublishPageMenuItem()


@hooks.register("register_snippet_action_menu_item")
def register_emergency_snippet_item(model):
    if issubclass(model, DraftStateMixin) and issubclass(model, WorkflowMixin):
        return EmergencyPublishSnippetMenuItem()
    return None


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    @actions.register_action(EMERGENCY_PUBLISH)
    class EmergencyPublishFormatter(LogFormatter):
        label = EMERGENCY_LABEL

        def format_message(self, log_entry):
            return _("Publicación de emergencia. Motivo: %(reason)s") % {"reason": log_entry.data.get("reason", "")}

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")


# --- Admin URLs, report and dashboard --------------------------------------------------


hooks.register("register_page_header_buttons", translations.submit_translation_buttons)
hooks.register("construct_explorer_page_queryset", translations.annotate_outdated)
# Before wagtail-localize's own before_edit_page, which answers with its translation editor.
hooks.register("before_edit_page", translations.note_translation, order=-1)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        *translations.urls(),
        path(
            "moderacion/emergencia/<str:app_label>/<str:model_name>/<str:pk>/",
            EmergencyPublishView.as_view(),
            name="moderation_emergency_publish",
        ),
        path(
            "reports/publicaciones-de-emergencia/",
            EmergencyPublicationsReportView.as_view(),
            name="moderation_emergency_report",
        ),
        path(
            "reports/publicaciones-de-emergencia/results/",
            EmergencyPublicationsReportView.as_view(results_only=True),
            name="moderation_emergency_report_results",
        ),
    ]


class EmergencyReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_emergency_report(request.user)


@hooks.register("register_reports_menu_item")
def register_emergency_report_menu_item():
    return EmergencyReportMenuItem(
        _("Publicaciones de emergencia"),
        reverse("moderation_emergency_report"),
        name="emergency-publications",
        icon_name="warning",
        order=1050,
    )


@hooks.register("construct_homepage_panels")
def add_scheduled_publications_panel(request, panels):
    if shows_panel(request.user):
        panels.append(ScheduledPublicationsPanel())
    if shows_my_work(request.user):
        panels.append(MyWorkPanel(request.user))


def _drop_localize_listing_buttons():
    """wagtail-localize's "Traducir esta página" in page listings costs queries per row (the
    explorer's query count grows with the page size): it stays on each page's header only."""
    from wagtail_localize import wagtail_hooks as localize_hooks  # registers its hooks now

    name = "register_page_listing_more_buttons"
    hooks._hooks[name] = [
        entry for entry in hooks._hooks.get(name, []) if entry[0] is not localize_hooks.page_listing_more_buttons
    ]


_drop_localize_listing_buttons()
