"""Admin for displays (modeladmin) and for the moderated alerts (snippet with workflow)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from moderation.snippet_views import ModeratedSnippetEditView
from screens.models import Alert, Screen


@modeladmin_register
class ScreenAdmin(ModelAdmin):
    model = Screen
    menu_label = _("Pantallas")
    menu_icon = "desktop"
    menu_order = 230
    list_display = ("name", "slug", "building", "orientation", "locale", "last_seen_at", "connection", "display_link")
    list_filter = ("orientation",)
    search_fields = ("name", "slug", "building")

    def connection(self, screen):
        """En línea if the screen polled within three poll intervals."""
        if screen.is_online(timezone.now()):
            return format_html('<span class="w-status w-status--primary">{}</span>', _("En línea"))
        return format_html('<span class="w-status">{}</span>', _("Sin conexión"))

    connection.short_description = _("estado")

    def display_link(self, screen):
        url = reverse("screens_display", args=[screen.slug])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Abrir pantalla"))

    display_link.short_description = _("página de la pantalla")


class AlertIndexView(SnippetViewSet.index_view_class):
    def get_base_queryset(self):
        """The status column asks each alert about a scheduled revision and a review in progress:
        answered for every row in the listing's own query."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import CharField, Exists, OuterRef
        from django.db.models.functions import Cast
        from wagtail.models import Revision, WorkflowState

        scheduled = Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Alert),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            approved_go_live_at__isnull=False,
        )
        in_review = WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Alert),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        return (
            super()
            .get_base_queryset()
            .annotate(_approved_schedule=Exists(scheduled), _workflow_in_progress=Exists(in_review))
        )


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Alertas")
    add_to_admin_menu = True
    menu_order = 240
    list_display = [
        "title",
        "severity",
        "starts_at",
        "ends_at",
        Column("validity", label=_("vigencia"), accessor=lambda alert: alert.validity()),
        LiveStatusTagColumn(label=_("estado")),
    ]
    list_filter = ["severity", "live", "all_screens", "show_on_website"]
    search_fields = ["title", "message"]
    edit_view_class = ModeratedSnippetEditView  # approving unchanged publishes what was submitted
    index_view_class = AlertIndexView


register_snippet(AlertViewSet)
