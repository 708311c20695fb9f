"""Admin for displays (modeladmin) and for the moderated alerts (snippet with workflow)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from screens.models import Alert, Screen


@modeladmin_register
class ScreenAdmin(ModelAdmin):
    model = Screen
    menu_label = _("Pantallas")
    menu_icon = "desktop"
    menu_order = 230
    list_display = ("name", "slug", "building", "orientation", "last_seen_at")
    search_fields = ("name", "slug", "building")


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Alertas")
    add_to_admin_menu = True
    menu_order = 240
    list_display = ["title", "severity", "starts_at", "ends_at", "live"]
    list_filter = ["severity", "live"]


register_snippet(AlertViewSet)
