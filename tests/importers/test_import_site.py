"""The fixture site.xml imported as an administrator would: pages, revisions, media, audit log."""

import datetime

import pytest
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry, PageViewRestriction, Revision

from cms.models import Category, CustomImage
from importers.models import ImportedItem
from news.models import BulletinPage, NewsPage, SpeechPage

UTC = datetime.UTC
MAPS = ("--map-category", "discursos=speech", "--map-category", "boletines=bulletin")


@pytest.fixture
def imported(run_import, uploads, mayor, redactor):
    report, text = run_import("site.xml", "--uploads", str(uploads), *MAPS)
    return report, text


def page(wp_id):
    return ImportedItem.objects.get(wp_id=wp_id).page.specific


def test_published_post_is_live_with_its_original_dates_fields_and_author(imported, redactor, superuser):
    report, _ = imported
    note = page(100)
    assert isinstance(note, NewsPage) and note.live
    assert note.title == "Cusco celebra el Inti Raymi 🎉 — سلام · Ñuñoa"
    assert note.slug == "inti-raymi"
    assert note.first_published_at == datetime.datetime(2023, 6, 24, 15, 0, tzinfo=UTC)
    assert note.last_published_at == datetime.datetime(2023, 6, 26, 13, 30, tzinfo=UTC)
    assert note.date == datetime.datetime(2023, 6, 24, 15, 0, tzinfo=UTC)
    assert note.lead == "La fiesta del sol reúne a miles de visitantes."
    assert note.get_parent().slug == "notas-de-prensa"
    assert sorted(c.name for c in note.categories.all()) == ["Cultura", "Inti Raymi", "テスト"]
    assert Category.objects.get(name="テスト").slug.startswith("categoria-")
    # Featured image: the attachment had no alt text, so its title is the alt text, listed for review.
    assert note.main_image.title == "Qorikancha de noche" and note.main_image.description == "Qorikancha de noche"
    assert {"attachment": 11, "title": "Qorikancha de noche"} in report["media"]["alt_from_title"]
    # "prensa" has the e-mail of an existing user: the revision is theirs; the import is the administrator's.
    revision = note.live_revision
    assert revision.user == redactor and note.owner == redactor
    entry = PageLogEntry.objects.get(page=note, action="importers.import")
    assert entry.user == superuser
    assert entry.data["file"] == "site.xml" and entry.data["post_id"] == 100
    assert entry.data["original_author"] == "Área de Prensa"
    assert report["sticky"] == [100]


def test_author_without_a_user_is_recorded_as_the_import_user_keeping_the_name(imported, superuser):
    report, _ = imported
    note = page(101)
    assert note.owner == superuser and note.live_revision.user == superuser
    assert ImportedItem.objects.get(wp_id=101).author_name == "Juana Quispe Mamani"
    assert report["authors_unmapped"] == {"Juana Quispe Mamani": 1}


def test_classic_editor_body(imported):
    report, _ = imported
    blocks = list(page(100).body.raw_data)
    types = [b["type"] for b in blocks]
    assert types == ["paragraph", "image", "paragraph", "video", "image", "image", "paragraph"]
    first = blocks[0]["value"]
    # Unicode survives exactly: emoji, Arabic, a combining accent and a zero-width joiner.
    assert "🎉" in first and "مرحبا" in first and "e\u0301" in first and "a\u200db" in first
    assert "<b>Municipalidad</b>" in first and "<br/>" in first
    assert f'<a linktype="page" id="{page(101).pk}">la nota del Corpus Christi</a>' in first
    assert '<a href="https://example.org/externo">un enlace externo</a>' in first
    assert blocks[1]["value"]["alt_text"] == "La Plaza de Armas del Cusco al amanecer"
    assert "<i>La plaza durante la ceremonia</i>" in blocks[2]["value"]
    assert "Texto dentro de un shortcode desconocido" in blocks[2]["value"]
    assert blocks[3]["value"] == "https://www.youtube.com/watch?v=abc123XYZ"
    assert blocks[-1]["value"] == "<p>Precio en [nota] se muestra tal cual.</p>"
    flat = str(blocks)
    for unsafe in ("script", "onclick", "alert", "malicioso", "su_note", "[caption", "[gallery"):
        assert unsafe not in flat
    assert report["shortcodes"] == {"caption": 1, "su_note": 1, "gallery": 1, "contact-form-7": 1}
    assert report["unsafe_removed"]["iframe:malicioso.example.com"] == 1
    assert report["unsafe_removed"]["script"] == 1


def test_block_editor_body(imported):
    report, _ = imported
    blocks = list(page(101).body.raw_data)
    assert [b["type"] for b in blocks] == [
        "heading", "paragraph", "quote", "image", "paragraph", "image", "image", "video", "paragraph",
    ]  # fmt: skip
    assert blocks[0]["value"] == "Una tradición viva"
    document = get_document_model().objects.get(title="Boletín municipal n.º 12")
    assert f'<a linktype="page" id="{page(100).pk}">la nota del Inti Raymi</a>' in blocks[1]["value"]
    assert f'<a linktype="document" id="{document.pk}">boletín</a>' in blocks[1]["value"]
    assert "<ul><li>Procesión de los <i>santos patronos</i></li><li>Chiriuchu</li></ul>" in blocks[1]["value"]
    assert blocks[2]["value"] == {
        "text": "El Cusco es la capital histórica del Perú.",
        "attribution": "Alcalde del Cusco",
    }
    assert blocks[3]["value"]["alt_text"] == "Santos en la Plaza de Armas"
    assert blocks[4]["value"] == "<p><i>Los santos salen de la Catedral</i></p>"
    assert blocks[7]["value"] == "https://www.youtube.com/watch?v=corpus2023"
    assert blocks[8]["value"] == "<p>clic</p>"  # the javascript: link and the onmouseover are gone
    assert {"attachment": 12, "path": "2022/01/perdida.jpg", "post": 101} in report["media"]["missing"]
    assert report["internal_links"] == 2


def test_every_status(imported, client):
    report, _ = imported
    for wp_id in (102, 103):
        draft = page(wp_id)
        assert not draft.live and draft.first_published_at is None
        assert Revision.page_revisions.filter(object_id=str(draft.pk)).count() == 1
    assert page(102).slug == "borrador-de-nota"  # a draft has no slug in WordPress: made from the title
    scheduled = page(104)
    assert not scheduled.live and scheduled.go_live_at == datetime.datetime(2099, 1, 1, 15, tzinfo=UTC)
    private = page(105)
    assert private.live
    assert PageViewRestriction.objects.filter(page=private, restriction_type=PageViewRestriction.LOGIN).exists()
    assert report["skipped"] == {"trash": 1, "auto-draft": 1, "bulletin_without_pdf": 1}
    assert report["skipped_post_types"] == {"page": 1, "nav_menu_item": 1, "revision": 1}
    assert not ImportedItem.objects.filter(wp_id__in=[106, 107, 110, 200, 201, 202]).exists()
    listed = client.get("/api/v2/pages/", {"type": "news.NewsPage", "limit": 50}).json()
    assert sorted(item["title"] for item in listed["items"]) == sorted(
        [page(100).title, "Corpus Christi en el Cusco", "Nota con un nombre ya usado"]
    )


def test_mapped_categories_become_speeches_and_bulletins(imported, mayor):
    report, _ = imported
    speech = page(108)
    assert isinstance(speech, SpeechPage) and speech.live and speech.speaker == mayor
    assert speech.get_parent().slug == "discursos"
    assert "<i>Allin p&#x27;unchay</i>" in speech.body.raw_data[0]["value"] or "Allin p'unchay" in str(
        speech.body.raw_data
    )
    bulletin = page(109)
    assert isinstance(bulletin, BulletinPage) and bulletin.live
    assert bulletin.pdf.title == "Boletín municipal n.º 12" and bulletin.summary == "Las obras del mes de junio."
    assert "Boletín municipal 12" in bulletin.pdf_text
    skipped = [item for item in report["skipped_items"] if item["id"] == 110]
    assert skipped == [
        {"id": 110, "title": "Boletín n.º 13 sin PDF", "type": "post", "status": "publish",
         "reason": "bulletin_without_pdf"}
    ]  # fmt: skip


def test_media_from_uploads_and_missing_files(imported, uploads):
    report, _ = imported
    assert report["media"]["created"] == {"images": 2, "documents": 1}
    assert {"attachment": 12, "path": "2022/01/perdida.jpg"} in report["media"]["missing"]
    plaza = CustomImage.objects.get(title="Plaza de Armas")
    assert plaza.description == "La Plaza de Armas del Cusco al amanecer"
    assert (plaza.width, plaza.height) == (64, 48)
    with plaza.open_file() as handle:
        assert handle.read() == (uploads / "2023/05/plaza.png").read_bytes()
    assert ImportedItem.objects.filter(kind="attachment").count() == 3


def test_slug_taken_by_an_existing_page_gets_a_unique_one(run_import, uploads, site_tree):
    from tests.factories import NewsPageFactory

    NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], slug="nota-existente")
    run_import("site.xml", "--uploads", str(uploads))
    assert page(111).slug == "nota-existente-2"


def test_history_shows_the_import(imported, client, superuser):
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{page(100).pk}/history/")
    assert response.status_code == 200
    assert "Importada desde WordPress (archivo «site.xml», entrada 100" in response.content.decode()
