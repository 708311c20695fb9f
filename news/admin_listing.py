"""A flat "Notas de prensa" listing with each note's campaign and mayoral term (gestión)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from cms.terms import annotate_gestion
from news.models import NewsPage


class GestionIndexView(PageListingViewSet.index_view_class):
    def get_base_queryset(self):
        return annotate_gestion(super().get_base_queryset().select_related("campaign"))


class NewsListingViewSet(PageListingViewSet):
    model = NewsPage
    icon = "doc-full"
    menu_label = _("Notas de prensa")
    menu_order = 204
    add_to_admin_menu = True
    index_view_class = GestionIndexView
    columns = [
        *PageListingViewSet.columns[:2],
        Column("date", label=_("Fecha"), sort_key="date", width="14%"),
        Column("campaign", label=_("Campaña"), width="16%"),
        Column("gestion_name", label=_("Gestión"), width="12%"),
        *PageListingViewSet.columns[-1:],
    ]
