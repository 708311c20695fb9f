"""Memoria anual: figures per month and kind on content with known counts; CSV and PDF."""

import datetime
import io
import zoneinfo

import pytest
from pypdf import PdfReader
from wagtail.models import PageLogEntry

from annual_report.figures import annual_figures
from events.models import CivicEventPage
from moderation.rules import EMERGENCY_PUBLISH
from tests.factories import AlertFactory, CivicEventPageFactory, NewsPageFactory, SpeechPageFactory, publish

LIMA = zoneinfo.ZoneInfo("America/Lima")


def first_published(page, moment):
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    return page


@pytest.fixture
def year_2025(site_tree, director):
    sections = site_tree["sections"]
    news = sections["news.NewsIndexPage"]
    for month, count in ((1, 2), (6, 3)):
        for n in range(count):
            page = publish(NewsPageFactory(parent=news, title=f"Nota {month}-{n}"))
            first_published(page, datetime.datetime(2025, month, 10, 9, tzinfo=LIMA))
    # Published in Lima on 31 Dec 2024 at 22:00 (already 2025 in UTC): not in 2025.
    first_published(
        publish(NewsPageFactory(parent=news, title="Nochevieja")), datetime.datetime(2024, 12, 31, 22, tzinfo=LIMA)
    )
    speech = publish(SpeechPageFactory(parent=sections["news.SpeechIndexPage"], title="Discurso de junio"))
    first_published(speech, datetime.datetime(2025, 6, 24, 11, tzinfo=LIMA))
    # A weekly activity in March 2025 (4 occurrences held, the 3rd cancelled through an exception date).
    event = CivicEventPageFactory(
        parent=sections["events.EventIndexPage"],
        title="Izamiento de la bandera",
        start=datetime.datetime(2025, 3, 2, 8, tzinfo=LIMA),
        end=datetime.datetime(2025, 3, 2, 9, tzinfo=LIMA),
        recurrence="FREQ=WEEKLY;COUNT=5",
        exception_dates="2025-03-16",
    )
    publish(event)
    CivicEventPage.objects.filter(pk=event.pk).update(first_published_at=datetime.datetime(2025, 2, 1, tzinfo=LIMA))
    alert = AlertFactory(title="Cierre de vías")
    type(alert).objects.filter(pk=alert.pk).update(first_published_at=datetime.datetime(2025, 7, 1, 12, tzinfo=LIMA))
    from media_relations.models import InterviewRequest
    from tests.factories import PersonFactory

    mayor = PersonFactory(name="Alcalde", role="alcalde")
    for status, day in (("realizada", 5), ("realizada", 20), ("declinada", 21)):
        InterviewRequest.objects.create(
            outlet="Radio Ejemplo",
            journalist="Periodista de prueba",
            person=mayor,
            topic="Inti Raymi",
            channel="estudio",
            status=status,
            agreed_at=datetime.datetime(2025, 6, day, 10, tzinfo=LIMA),
        )
    PageLogEntry.objects.log_action(speech, EMERGENCY_PUBLISH, user=director, data={"reason": "Duelo regional"})
    PageLogEntry.objects.filter(action=EMERGENCY_PUBLISH).update(
        timestamp=datetime.datetime(2025, 6, 24, 12, tzinfo=LIMA)
    )
    return 2025


def by_key(rows):
    return {row.key: row for row in rows}


def test_figures_per_month_and_kind(year_2025):
    rows = by_key(annual_figures(2025))
    assert rows["news"].per_month[0] == 2 and rows["news"].per_month[5] == 3 and rows["news"].total == 5
    assert rows["speeches"].per_month[5] == 1
    assert rows["events"].per_month[2] == 4  # 5 weekly dates, one excepted
    assert rows["events"].total == 4
    assert rows["alerts"].per_month[6] == 1
    assert rows["emergencies"].total == 1
    assert rows["interviews"].per_month[5] == 2 and rows["interviews"].total == 2  # the declined one is not
    assert rows["emergencies"].items[0][2] == "Duelo regional"
    assert by_key(annual_figures(2024))["news"].total == 1  # New Year's Eve in Lima


def test_report_page_csv_and_pdf_for_the_director(year_2025, director, client):
    client.force_login(director)
    page = client.get("/admin/reports/memoria-anual/?year=2025")
    assert page.status_code == 200
    assert "Memoria anual 2025" in page.content.decode()
    csv_text = client.get("/admin/reports/memoria-anual/?year=2025&export=csv").content.decode()
    assert "Notas de prensa,2,0,0,0,0,3,0,0,0,0,0,0,5" in csv_text
    assert "Duelo regional" in csv_text
    pdf = client.get("/admin/reports/memoria-anual/?year=2025&export=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Memoria anual 2025" in text
    assert "Oficina de Relaciones Públicas y Protocolo" in text
    assert "Izamiento de la bandera" in text
    assert "Duelo regional" in text


def test_bad_year_is_a_form_error_not_a_500(director, client):
    client.force_login(director)
    for value in ("abc", "1800", "²⁰²⁵", "9999"):
        response = client.get(f"/admin/reports/memoria-anual/?year={value}")
        assert response.status_code == 400
        assert "Año no válido" in response.content.decode()


def test_redactores_cannot_see_the_report(redactor, client):
    client.force_login(redactor)
    assert client.get("/admin/reports/memoria-anual/?year=2025").status_code in (302, 403)
