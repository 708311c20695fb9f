"""Admin report "Publicaciones de emergencia": the audit-log entries of the emergency path."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from cms.roles import ADMINISTRADORES, is_director
from moderation.rules import EMERGENCY_PUBLISH


def can_view_emergency_report(user):
    return is_director(user) or (user.is_active and user.groups.filter(name=ADMINISTRADORES).exists())


class EmergencyPublicationsReportView(LogEntriesView):
    """Wagtail's site history (pages and snippets together), filtered to emergency publications."""

    page_title = _("Publicaciones de emergencia")
    header_icon = "warning"
    index_url_name = "moderation_emergency_report"
    index_results_url_name = "moderation_emergency_report_results"
    results_template_name = "moderation/emergency_report_results.html"
    export_headings = {**LogEntriesView.export_headings, "data.reason": _("Motivo")}
    list_export = [*LogEntriesView.list_export, "data.reason"]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_emergency_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return "publicaciones-de-emergencia"

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset.filter(action=EMERGENCY_PUBLISH))
