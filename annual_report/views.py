"""Admin report "Memoria anual": a year's figures on screen, as CSV and as PDF."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from annual_report.figures import LIMA, MONTHS, annual_figures, monthly_totals
from cms.roles import ADMINISTRADORES, is_director


def _exports():
    """annual_report.exports, imported on the first export: reportlab is ~14 MB per worker otherwise."""
    from annual_report import exports

    return exports


FIRST_YEAR = 2000


def can_view(user):
    return is_director(user) or (user.is_active and user.groups.filter(name=ADMINISTRADORES).exists())


def _year(request):
    current = timezone.now().astimezone(LIMA).year
    value = request.GET.get("year", "")
    if not value:
        return current, None
    if not (value.isascii() and value.isdigit()) or not FIRST_YEAR <= int(value) <= current:
        return current, _("Año no válido: indique un año entre %(first)s y %(last)s.") % {
            "first": FIRST_YEAR,
            "last": current,
        }
    return int(value), None


def annual_report(request):
    if not can_view(request.user):
        raise PermissionDenied
    year, error = _year(request)
    rows = annual_figures(year)
    export = request.GET.get("export")
    if export == "csv" and not error:
        response = HttpResponse(_exports().as_csv(year, rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="memoria-anual-{year}.csv"'
        return response
    if export == "pdf" and not error:
        response = HttpResponse(_exports().as_pdf(year, rows), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="memoria-anual-{year}.pdf"'
        return response
    current = timezone.now().astimezone(LIMA).year
    context = {
        "year": year,
        "error": error,
        "rows": rows,
        "months": MONTHS,
        "totals": monthly_totals(rows),
        "grand_total": sum(monthly_totals(rows)),
        "years": list(range(current, current - 10, -1)),
        "page_title": _("Memoria anual"),
        "header_icon": "doc-full",
    }
    return render(request, "annual_report/report.html", context, status=400 if error else 200)
