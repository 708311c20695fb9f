from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualReportConfig(AppConfig):
    """The office's memoria anual: what it published in a year, from content and the audit log."""

    name = "annual_report"
    verbose_name = _("Memoria anual")
