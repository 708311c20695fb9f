"""A bulletin's PDF text is extracted on save, follows its document, and never blocks publishing."""

from django.core.files.base import ContentFile
from wagtail.models import Page

from news.models import BulletinPage
from tests.factories import BulletinPageFactory, DocumentFactory, pdf_bytes, publish

from .conftest import ids, refresh_index


def pdf_document(text, name="boletin.pdf"):
    return DocumentFactory(file=ContentFile(pdf_bytes(text), name=name))


def bulletins(site_tree):
    return site_tree["sections"]["news.BulletinIndexPage"]


def test_saving_a_bulletin_extracts_its_pdf_text(site_tree):
    page = BulletinPageFactory(parent=bulletins(site_tree), pdf=pdf_document("Presupuesto participativo\nÑuñoa"))
    page.refresh_from_db()
    assert page.pdf_text == "Presupuesto participativo Ñuñoa"
    assert page.pdf_text_source.startswith(f"{page.pdf_id}:")


def test_a_new_pdf_on_the_bulletin_replaces_the_text(site_tree):
    page = publish(BulletinPageFactory(parent=bulletins(site_tree), pdf=pdf_document("Primera edición")))
    page.pdf = pdf_document("Segunda edición corregida")
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.pdf_text == "Segunda edición corregida"
    refresh_index()
    assert page.pk in ids(Page.objects.live().search("corregida"))


def test_replacing_the_documents_file_refreshes_the_bulletins_text(site_tree):
    document = pdf_document("Texto anterior")
    page = publish(BulletinPageFactory(parent=bulletins(site_tree), pdf=document))
    document.file = ContentFile(pdf_bytes("Texto nuevo sobre Maras y Moray"), name="boletin-v2.pdf")
    document.save()
    page.refresh_from_db()
    assert page.pdf_text == "Texto nuevo sobre Maras y Moray"
    refresh_index()
    assert page.pk in ids(Page.objects.live().search("moray"))


def test_publishing_without_a_new_pdf_does_not_extract_again(site_tree, monkeypatch):
    page = publish(BulletinPageFactory(parent=bulletins(site_tree), pdf=pdf_document("Edición de julio")))

    def fail(document):
        raise AssertionError("the PDF did not change: no extraction expected")

    monkeypatch.setattr("news.models.bulletins.extract_pdf_text", fail)
    page.summary = "Sumilla nueva"
    page.save_revision().publish()
    page.refresh_from_db()
    assert (page.summary, page.pdf_text) == ("Sumilla nueva", "Edición de julio")


def test_revisions_leave_the_extracted_text_out(site_tree):
    page = publish(BulletinPageFactory(parent=bulletins(site_tree), pdf=pdf_document("Contenido largo del PDF")))
    content = page.latest_revision.content
    assert "pdf_text" not in content and "pdf_text_source" not in content
    assert content["pdf"] == page.pdf_id


def test_a_broken_pdf_is_published_with_empty_text(site_tree, caplog):
    broken = DocumentFactory(file=ContentFile(b"%PDF-1.4\nthis is not really a pdf", name="roto.pdf"))
    page = publish(BulletinPageFactory(parent=bulletins(site_tree), pdf=broken))
    assert page.live
    assert BulletinPage.objects.get(pk=page.pk).pdf_text == ""
    assert f"Could not extract the text of document {broken.pk}" in caplog.text
