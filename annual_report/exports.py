"""The memoria anual as CSV (a table per month) and as a PDF laid out for printing."""

import csv
import io

from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from annual_report.figures import MONTHS, monthly_totals

OFFICE = "Oficina de Relaciones Públicas y Protocolo"
MUNICIPALITY = "Municipalidad Provincial del Cusco"
WINE = colors.HexColor("#7a1f2b")


def as_csv(year, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Memoria anual %(year)s") % {"year": year}, OFFICE, MUNICIPALITY])
    writer.writerow([_("Tipo"), *MONTHS, _("Total")])
    for row in rows:
        writer.writerow([row.label, *row.per_month, row.total])
    totals = monthly_totals(rows)
    writer.writerow([_("Total"), *totals, sum(totals)])
    writer.writerow([])
    writer.writerow([_("Tipo"), _("Fecha"), _("Título"), _("Detalle")])
    for row in rows:
        for moment, title, detail in row.items:
            writer.writerow([row.label, moment.strftime("%Y-%m-%d"), title, detail])
    return out.getvalue()


def _chart(rows):
    """A bar per month: everything published or held that month."""
    totals = monthly_totals(rows)
    drawing = Drawing(16 * cm, 6 * cm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 1 * cm, 0.8 * cm, 14.5 * cm, 4.6 * cm
    chart.data = [totals]
    chart.categoryAxis.categoryNames = MONTHS
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(totals + [1])
    chart.bars[0].fillColor = WINE
    drawing.add(chart)
    drawing.add(String(1 * cm, 5.6 * cm, _("Publicaciones y actividades por mes"), fontSize=9))
    return drawing


def _header(canvas, doc):
    canvas.saveState()
    canvas.setFillColor(WINE)
    canvas.rect(1.5 * cm, A4[1] - 2.2 * cm, 1.1 * cm, 1.1 * cm, fill=1, stroke=0)  # the office's mark
    canvas.setFillColor(colors.white)
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawCentredString(2.05 * cm, A4[1] - 1.8 * cm, "MPC")
    canvas.setFillColor(colors.black)
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawString(2.9 * cm, A4[1] - 1.5 * cm, MUNICIPALITY)
    canvas.setFont("Helvetica", 9)
    canvas.drawString(2.9 * cm, A4[1] - 1.95 * cm, OFFICE)
    canvas.drawRightString(A4[0] - 1.5 * cm, 1.2 * cm, str(doc.page))
    canvas.restoreState()


def as_pdf(year, rows):
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        topMargin=3 * cm,
        bottomMargin=2 * cm,
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        title=f"Memoria anual {year}",
        author=OFFICE,
    )
    styles = getSampleStyleSheet()
    story = [
        Paragraph(_("Memoria anual %(year)s") % {"year": year}, styles["Title"]),
        Paragraph(_("Lo que la oficina publicó y realizó, mes por mes (hora de Lima)."), styles["Normal"]),
        Spacer(1, 0.4 * cm),
        _chart(rows),
        Spacer(1, 0.4 * cm),
    ]
    totals = monthly_totals(rows)
    data = [[_("Tipo"), *MONTHS, _("Total")]]
    data += [[row.label, *row.per_month, row.total] for row in rows]
    data.append([_("Total"), *totals, sum(totals)])
    table = Table(data, colWidths=[4.2 * cm] + [1.0 * cm] * 12 + [1.3 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 7.5),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 7.5),
                ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 7.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f1e6e8")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    story.append(table)
    for row in rows:
        if not row.items:
            continue
        story += [PageBreak(), Paragraph(f"{row.label} ({row.total})", styles["Heading2"])]
        for moment, title, detail in row.items:
            line = f"{moment.strftime('%d/%m/%Y')} — {title}" + (f" — {detail}" if detail else "")
            story.append(Paragraph(line.replace("&", "&amp;").replace("<", "&lt;"), styles["Normal"]))
    doc.build(story, onFirstPage=_header, onLaterPages=_header)
    return out.getvalue()
