from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from annual_report.views import annual_report, can_view


class AnnualReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_admin_urls")
def register_annual_report_url():
    return [path("reports/memoria-anual/", annual_report, name="annual_report")]


@hooks.register("register_reports_menu_item")
def register_annual_report_menu_item():
    return AnnualReportMenuItem(_("Memoria anual"), reverse("annual_report"), icon_name="doc-full", order=800)
