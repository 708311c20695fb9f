"""Admin registration of the shared snippets and of the press contacts."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from cms.models import Category, Institution, MediaOutlet, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Autoridades")
    list_display = ["name", "role", "position_title", "term_start", "term_end"]
    list_filter = ["role"]
    search_fields = ["name", "position_title"]
    add_to_admin_menu = True
    menu_order = 210


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categorías")
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(PersonViewSet)
register_snippet(CategoryViewSet)


class MediaOutletAdmin(ModelAdmin):
    model = MediaOutlet
    menu_icon = "radio-full"
    list_display = ("name", "kind", "contact_person", "email", "phone")
    list_filter = ("kind",)
    search_fields = ("name", "contact_person", "email")


class InstitutionAdmin(ModelAdmin):
    model = Institution
    menu_icon = "group"
    list_display = ("name", "sector", "contact_person", "email", "phone")
    list_filter = ("sector",)
    search_fields = ("name", "contact_person", "email")


@modeladmin_register
class PressContactsGroup(ModelAdminGroup):
    menu_label = _("Contactos de prensa")
    menu_icon = "mail"
    menu_order = 220
    items = (MediaOutletAdmin, InstitutionAdmin)


# The office's guide in the help menu and dashboard (its hooks register on import).
from cms import admin_help  # noqa: E402, F401
