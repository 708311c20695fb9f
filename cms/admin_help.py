"""The office's own guide in the admin, linked from the help menu and the dashboard (no guide.wagtail.org)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django.views.i18n import JavaScriptCatalog
from wagtail import hooks
from wagtail.admin.localization import get_localized_response
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/editor_guide.html"
    page_title = _("Guía de uso de la oficina")
    header_icon = "help"


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("guia/", EditorGuideView.as_view(), name="cms_editor_guide")]


@hooks.register("construct_help_menu")
def office_guide_in_help_menu(request, menu_items):
    """Wagtail's guide and "what's new" links point to wagtail.org: our guide replaces them."""
    guide = MenuItem(_("Guía de uso de la oficina"), reverse("cms_editor_guide"), icon_name="help", order=1100)
    menu_items[:] = [
        guide if item.name == "editor-guide" else item
        for item in menu_items
        if not item.name.startswith("whats-new-in-wagtail-")
    ]


# Wagtail's JS catalog reads only wagtail.admin's catalogs; ours (cms/locale djangojs.po) adds the
# strings it lacks in Spanish. Served at Wagtail's own URL (cms/urls.py puts it first).
_js_catalog = JavaScriptCatalog.as_view(packages=["wagtail.admin", "cms"])


def admin_js_catalog(request, *args, **kwargs):
    return get_localized_response(_js_catalog, request, *args, **kwargs)
