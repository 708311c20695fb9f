"""Admin registration of the shared snippets and of the press contacts."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from cms.models import Category, Institution, MediaOutlet, PageTermOverride, Person, Term


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


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "date"
    menu_label = _("Gestiones")
    list_display = ["name", "slug", "start", "end", "mayor"]


class PageTermOverrideViewSet(SnippetViewSet):
    model = PageTermOverride
    icon = "date"
    menu_label = _("Gestión asignada a mano")
    list_display = ["page", "term", "reason"]


register_snippet(PersonViewSet)
register_snippet(CategoryViewSet)
register_snippet(TermViewSet)
register_snippet(PageTermOverrideViewSet)


# Accreditation (and undoing an unsubscribe) is the Director's: the fields are left out of the
# form for anyone without cms.accredit_contact, so their posted values are ignored.
ACCREDIT = "cms.accredit_contact"
DISTRIBUTION_PANEL = MultiFieldPanel(
    [
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("accredited", permission=ACCREDIT),
        FieldPanel("unsubscribed_at", permission=ACCREDIT),
    ],
    heading=_("Lista de distribución de prensa"),
)
CONTACT_PANELS = [FieldPanel("name"), FieldPanel("contact_person"), FieldPanel("email"), FieldPanel("phone")]


class MediaOutletAdmin(ModelAdmin):
    model = MediaOutlet
    menu_icon = "radio-full"
    list_display = ("name", "kind", "contact_person", "email", "accredited")
    list_filter = ("kind", "accredited")
    panels = [*CONTACT_PANELS, FieldPanel("kind"), FieldPanel("website"), DISTRIBUTION_PANEL, FieldPanel("notes")]
    search_fields = ("name", "contact_person", "email")


class InstitutionAdmin(ModelAdmin):
    model = Institution
    menu_icon = "group"
    list_display = ("name", "sector", "contact_person", "email", "accredited")
    list_filter = ("sector", "accredited")
    panels = [*CONTACT_PANELS, FieldPanel("sector"), DISTRIBUTION_PANEL, FieldPanel("notes")]
    search_fields = ("name", "contact_person", "email")


@modeladmin_register
class PressContactsGroup(ModelAdminGroup):
    menu_label = _("Contactos de prensa")
    menu_icon = "mail"
    menu_order = 220
    items = (MediaOutletAdmin, InstitutionAdmin)


# The office's guide in the help menu and dashboard (its hooks register on import).
from cms import admin_help  # noqa: E402, F401
