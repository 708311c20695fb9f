"""Each page type can be created through the admin forms, and bad input is refused."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from events.models import CivicEventPage
from home.models import HomePage
from news.models import BulletinPage, NewsPage, SpeechPage
from tests.adminforms import create_page, inline_formset, rich_text, streamfield
from tests.factories import CategoryFactory, DocumentFactory, ImageFactory, PersonFactory


@pytest.fixture
def editor_client(client, superuser):
    client.force_login(superuser)
    return client


def news_data(**overrides):
    data = {
        "title": "Alcalde inaugura la Semana Jubilar",
        "slug": "alcalde-inaugura-semana-jubilar",
        "date": "2026-06-01 10:00",
        "lead": "La Municipalidad Provincial del Cusco inauguró la Semana Jubilar.",
        "body": streamfield([("heading", "Programa"), ("paragraph", rich_text("<p>Desfile y serenata.</p>"))]),
        "main_image": ImageFactory().pk,
        "categories": str(CategoryFactory().pk),
        "place": "Plaza de Armas del Cusco",
        "screen_headline": "Inauguran la Semana Jubilar",
    }
    data.update(overrides)
    return data


def test_news_page_created_through_the_admin(editor_client, site_tree):
    index = site_tree["sections"]["news.NewsIndexPage"]
    response = create_page(editor_client, index, NewsPage, news_data(), action="action-publish")
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = NewsPage.objects.get(slug="alcalde-inaugura-semana-jubilar")
    assert page.live
    assert page.body[0].block_type == "heading"
    assert page.categories.count() == 1


def test_news_screen_headline_longer_than_60_is_refused(editor_client, site_tree):
    index = site_tree["sections"]["news.NewsIndexPage"]
    response = create_page(editor_client, index, NewsPage, news_data(screen_headline="x" * 61))
    assert response.status_code == 200
    assert "screen_headline" in response.context["form"].errors
    assert not NewsPage.objects.exists()


def test_speech_page_created_through_the_admin(editor_client, site_tree):
    index = site_tree["sections"]["news.SpeechIndexPage"]
    data = {
        "title": "Discurso por el Día del Cusco",
        "slug": "discurso-dia-del-cusco",
        "speaker": PersonFactory().pk,
        "delivered_on": "2026-06-24 09:30",
        "place": "Plaza de Armas del Cusco",
        "speech_type": SpeechPage.SpeechType.PREPARED,
        "body": streamfield([("paragraph", rich_text("<p>Vecinas y vecinos.</p>"))]),
        "delivered_body": streamfield([("paragraph", rich_text("<p>Queridas vecinas y vecinos.</p>"))]),
        "video_url": "",
    }
    response = create_page(editor_client, index, SpeechPage, data)
    assert response.status_code == 302
    speech = SpeechPage.objects.get(slug="discurso-dia-del-cusco")
    assert speech.speech_type == "preparado"
    assert speech.delivery_status == "pronunciado"


def bulletin_data(document):
    return {
        "title": "Boletín Municipal N.º 13",
        "slug": "boletin-13",
        "kind": BulletinPage.Kind.BULLETIN,
        "issue_number": "13",
        "edition_date": "2026-07-01",
        "pdf": document.pk,
        "summary": "Actividades del trimestre.",
    }


def test_bulletin_page_created_through_the_admin(editor_client, site_tree):
    index = site_tree["sections"]["news.BulletinIndexPage"]
    response = create_page(editor_client, index, BulletinPage, bulletin_data(DocumentFactory()))
    assert response.status_code == 302
    assert BulletinPage.objects.filter(slug="boletin-13").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("boletin.docx", b"PK\x03\x04 not a pdf"), ("falso.pdf", b"<html>no soy un PDF</html>")],
)
def test_bulletin_refuses_a_file_that_is_not_a_pdf(editor_client, site_tree, name, content):
    document = get_document_model().objects.create(title="No PDF", file=ContentFile(content, name=name))
    index = site_tree["sections"]["news.BulletinIndexPage"]
    response = create_page(editor_client, index, BulletinPage, bulletin_data(document))
    assert response.status_code == 200
    assert "pdf" in response.context["form"].errors
    assert not BulletinPage.objects.exists()


def test_bulletin_without_pdf_is_refused(editor_client, site_tree):
    index = site_tree["sections"]["news.BulletinIndexPage"]
    data = bulletin_data(DocumentFactory())
    data["pdf"] = ""
    response = create_page(editor_client, index, BulletinPage, data)
    assert response.status_code == 200
    assert "pdf" in response.context["form"].errors


def event_data(**overrides):
    data = {
        "title": "Inti Raymi",
        "slug": "inti-raymi",
        "start": "2026-06-24 09:00",
        "end": "2026-06-24 17:00",
        "recurrence": "FREQ=YEARLY",
        "exception_dates": "",
        "occurrence_overrides": inline_formset([]),
        "status": "programado",
        "status_reason": "",
        "event_type": CivicEventPage.EventType.CIVIC_DATE,
        "description": rich_text("<p>Fiesta del Sol.</p>"),
        "place": "Sacsayhuamán",
        "address": "Explanada de Sacsayhuamán, Cusco",
        "protocol_notes": "Ubicación de autoridades en la tribuna principal.",
    }
    data.update(overrides)
    return data


def test_event_page_created_through_the_admin(editor_client, site_tree):
    index = site_tree["sections"]["events.EventIndexPage"]
    response = create_page(editor_client, index, CivicEventPage, event_data())
    assert response.status_code == 302
    event = CivicEventPage.objects.get(slug="inti-raymi")
    assert event.recurrence == "FREQ=YEARLY"
    assert event.start.isoformat() == "2026-06-24T14:00:00+00:00"  # 09:00 in Lima is 14:00 UTC


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end": "2026-06-24 08:00"}, "end"),
        ({"recurrence": "FREQ=SOMETIMES"}, "recurrence"),
        ({"recurrence": "FREQ=YEARLY;BYMONTH=13"}, "recurrence"),
        ({"recurrence": "DTSTART:20260101T000000\nRRULE:FREQ=DAILY"}, "recurrence"),
        ({"exception_dates": "2026-02-30"}, "exception_dates"),
        ({"start": "no es una fecha"}, "start"),
    ],
)
def test_event_validation_refuses_bad_input(editor_client, site_tree, overrides, field):
    index = site_tree["sections"]["events.EventIndexPage"]
    response = create_page(editor_client, index, CivicEventPage, event_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not CivicEventPage.objects.exists()


def test_rescheduled_occurrence_needs_a_new_start(editor_client, site_tree):
    index = site_tree["sections"]["events.EventIndexPage"]
    overrides = inline_formset(
        [
            {
                "original_start": "2027-06-24 09:00",
                "status": "reprogramado",
                "new_start": "",
                "new_end": "",
                "reason": "",
            }
        ]
    )
    response = create_page(editor_client, index, CivicEventPage, event_data(occurrence_overrides=overrides))
    assert response.status_code == 200
    assert not CivicEventPage.objects.exists()


def test_page_types_only_go_where_they_belong(editor_client, site_tree):
    home = site_tree["home"]
    response = create_page(editor_client, home, NewsPage, news_data())
    assert response.status_code in (403, 302)
    assert not NewsPage.objects.exists()
    assert HomePage.allowed_subpage_models() and NewsPage not in HomePage.allowed_subpage_models()
