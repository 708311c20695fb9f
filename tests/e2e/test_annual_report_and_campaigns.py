"""Wave 2 in the browser: the Director downloads the memoria anual; a Redactor creates a campaign and
sends it to the Director; the flat press-notes listing shows each note's campaign and gestión."""

import datetime

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.helpers import screenshot


def _seed_year(orm):
    """A published press note and a term, so that this year's report and listing have something to show."""

    def seed():
        from django.utils import timezone

        from cms.models import Term
        from news.models import NewsIndexPage, NewsPage

        today = timezone.localdate()
        Term.objects.get_or_create(
            slug="e2e-gestion",
            defaults={
                "name": "Gestión de prueba",
                "start": datetime.date(today.year, 1, 1),
                "end": datetime.date(today.year, 12, 31),
            },
        )
        index = NewsIndexPage.objects.first()
        page = NewsPage.objects.filter(slug="nota-memoria-e2e").first()
        if page is None:
            page = NewsPage(
                title="Nota para la memoria anual",
                slug="nota-memoria-e2e",
                lead="La Municipalidad Provincial del Cusco informa.",
                body=[("paragraph", "<p>Texto.</p>")],
            )
            index.add_child(instance=page)
            page.save_revision().publish()
        return today.year

    return orm.run(seed)


def test_director_reads_and_downloads_the_memoria_anual(orm, director_page):
    year = _seed_year(orm)
    page = director_page
    page.goto("/admin/")
    page.get_by_role("button", name="Informes").click()
    page.get_by_role("link", name="Memoria anual").click()
    expect(page.get_by_role("heading", name=f"Memoria anual {year}")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Nota para la memoria anual")
    screenshot(page, "memoria-anual-director")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Descargar PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"memoria-anual-{year}.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(download.path()).pages)
    assert f"Memoria anual {year}" in text
    assert "Nota para la memoria anual" in text


def test_redactor_does_not_see_the_memoria_anual(redactor_page):
    redactor_page.goto("/admin/reports/memoria-anual/")
    expect(redactor_page.locator("body")).not_to_contain_text("Descargar PDF")


def test_redactor_creates_a_campaign_and_sends_it_to_the_director(orm, redactor_page):
    page = redactor_page
    campaigns_index = orm.run(lambda: __import__("news.models", fromlist=["x"]).CampaignIndexPage.objects.first().pk)
    page.goto(f"/admin/pages/{campaigns_index}/")
    page.get_by_role("link", name="Añadir página hija").first.click()
    page.locator("#id_title").fill("Campaña de vacunación canina")
    page.locator("#id_purpose").fill("Vacunar a los perros del Cusco contra la rabia, gratis, en todos los distritos.")
    page.locator("#id_start_date").fill("2026-09-01")
    page.locator("#id_end_date").fill("2026-09-30")
    page.locator("#id_start_date").click()  # close the date picker the last field opened
    page.keyboard.press("Escape")
    page.locator("footer").get_by_role("button", name="Más acciones").click()
    page.get_by_role("button", name="Enviar a Aprobación del Director").click()
    expect(page.locator(".messages")).to_contain_text("Campaña de vacunación canina")
    screenshot(page, "campana-enviada")

    def state():
        from news.models import CampaignPage

        campaign = CampaignPage.objects.get(title="Campaña de vacunación canina")
        return campaign.live, campaign.workflow_in_progress

    assert orm.run(state) == (False, True)


def test_news_listing_shows_the_gestion(orm, director_page):
    _seed_year(orm)
    director_page.goto("/admin/notas/")
    row = director_page.locator("tr", has_text="Nota para la memoria anual")
    expect(row).to_contain_text("Gestión de prueba")
    screenshot(director_page, "notas-gestion")
