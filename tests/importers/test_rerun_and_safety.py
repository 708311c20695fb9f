"""Redirects, the public API, re-runs, dry runs, bad files and older WXR versions."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry, Revision

from cms.models import CustomImage
from importers.models import ImportedItem
from importers.wordpress import writer as writer_module
from importers.wordpress.body import BodyConverter
from importers.wordpress.progress import Progress
from tests.importers.conftest import FIXTURES


def page(wp_id):
    return ImportedItem.objects.get(wp_id=wp_id).page.specific


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "logs": PageLogEntry.objects.count(),
        "images": CustomImage.objects.count(),
        "documents": get_document_model().objects.count(),
        "redirects": Redirect.objects.count(),
        "items": ImportedItem.objects.count(),
    }


def test_old_addresses_redirect_permanently_to_the_new_pages(run_import, uploads, client):
    report, _ = run_import("site.xml", "--uploads", str(uploads))
    note = page(100)
    assert set(Redirect.objects.filter(redirect_page=note).values_list("old_path", flat=True)) == {
        "/2023/06/24/inti-raymi",
        "/?p=100",
    }
    for old in ("/2023/06/24/inti-raymi/", "/?p=100", "/?p=100&utm_source=diario"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == note.url == "/notas-de-prensa/inti-raymi/"
    # Drafts and private posts had no public address: no redirect to them.
    assert not Redirect.objects.filter(redirect_page__in=[page(102).pk, page(105).pk]).exists()
    assert client.get("/?p=102").status_code != 301
    # 6 published posts (no --map-category here) x (permalink, /?p=ID), but post 110 has no permalink.
    assert report["redirects"]["created"] == Redirect.objects.count() == 11


def test_public_api_serves_imported_notes(run_import, uploads, client):
    run_import("site.xml", "--uploads", str(uploads))
    response = client.get("/api/v2/resolve/", {"path": "/notas-de-prensa/corpus-christi/"})
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Corpus Christi en el Cusco"
    paragraph = next(block for block in data["body"] if block["type"] == "paragraph")["value"]
    assert 'href="http://localhost:3000/notas-de-prensa/inti-raymi/"' in paragraph  # internal link, public URL
    detail = client.get(f"/api/v2/pages/{page(100).pk}/").json()
    assert detail["main_image"] is not None and "🎉" in detail["title"]
    # Private and draft notes are not public.
    assert client.get(f"/api/v2/pages/{page(105).pk}/").status_code == 404
    assert client.get("/api/v2/resolve/", {"path": "/notas-de-prensa/nota-privada/"}).status_code == 404
    assert client.get(f"/api/v2/pages/{page(102).pk}/").status_code == 404


def test_running_again_changes_nothing_and_a_changed_export_updates_in_place(run_import, uploads, tmp_path):
    first, _ = run_import("site.xml", "--uploads", str(uploads))
    before = snapshot()
    again, _ = run_import("site.xml", "--uploads", str(uploads))
    assert snapshot() == before
    assert again["created"] == {} and again["updated"] == {}
    assert again["skipped"]["unchanged"] == sum(first["created"].values())
    assert again["media"]["unchanged"] == 3

    changed = (FIXTURES / "site.xml").read_text(encoding="utf-8")
    changed = changed.replace("Cusco celebra el Inti Raymi 🎉", "Cusco celebró el Inti Raymi 🎉", 1)
    changed = changed.replace("invita a la fiesta del sol", "invitó a la fiesta del sol")
    changed_file = tmp_path / "site-2.xml"
    changed_file.write_text(changed, encoding="utf-8")
    third, _ = run_import(str(changed_file), "--uploads", str(uploads))
    assert third["updated"] == {"news.NewsPage": 1} and third["created"] == {}
    after = snapshot()
    assert after["pages"] == before["pages"] and after["redirects"] == before["redirects"]
    assert after["revisions"] == before["revisions"] + 1
    note = page(100)
    assert note.title.startswith("Cusco celebró") and "invitó" in note.body.raw_data[0]["value"]
    assert note.live and not note.has_unpublished_changes
    assert note.first_published_at.isoformat() == "2023-06-24T15:00:00+00:00"
    last_import = PageLogEntry.objects.filter(page=note, action="importers.import").order_by("pk").last()
    assert last_import.data["file"] == "site-2.xml"


def test_dry_run_writes_nothing_and_reports_the_same(run_import, uploads, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")  # this test's own: nothing else writes there meanwhile
    Path(settings.MEDIA_ROOT).mkdir()
    before = snapshot()
    media_before = sorted(p.name for p in Path(settings.MEDIA_ROOT).rglob("*"))
    dry, text = run_import("site.xml", "--uploads", str(uploads), "--dry-run")
    assert snapshot() == before
    assert sorted(p.name for p in Path(settings.MEDIA_ROOT).rglob("*")) == media_before
    assert "simulación" in text
    real, _ = run_import("site.xml", "--uploads", str(uploads))
    for key in ("dry_run", "duration_s"):
        dry.pop(key), real.pop(key)
    assert dry == real


@pytest.mark.parametrize(
    ("fixture", "message"),
    [("malformed.xml", "malformed XML at line 19"), ("not_wxr.xml", "not a WordPress export")],
)
def test_a_bad_file_stops_with_a_clear_error_and_writes_nothing(run_import, fixture, message):
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        run_import(fixture)
    assert snapshot() == before


def test_missing_file_is_a_clear_error(run_import, tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        run_import(str(tmp_path / "no-existe.xml"))


@pytest.mark.parametrize(("fixture", "slug"), [("wxr10.xml", "nota-de-2010"), ("wxr11.xml", "nota-de-2012")])
def test_older_wxr_versions(run_import, client, fixture, slug):
    report, _ = run_import(fixture)
    assert report["created"] == {"news.NewsPage": 1}
    note = page(7)
    assert note.slug == slug and note.lead == "Resumen de 2010." and note.live
    assert note.categories.get().name == "Noticias"
    # WXR 1.1 fixture's blog lives under /blog: its /?p= address does too.
    expected = "/blog/?p=7" if fixture == "wxr11.xml" else "/?p=7"
    assert Redirect.objects.filter(old_path=expected, redirect_page=note).exists()


def test_one_bad_post_is_reported_and_the_others_go_on(run_import, uploads, monkeypatch):
    class FailingOnCorpus(BodyConverter):
        def convert(self, content):
            if self.post_id == 101:
                raise ValueError("cuerpo ilegible")
            return super().convert(content)

    monkeypatch.setattr(writer_module, "BodyConverter", FailingOnCorpus)  # a test seam, not a third party
    report, _ = run_import("site.xml", "--uploads", str(uploads))
    assert report["errors"] == [
        {"id": 101, "title": "Corpus Christi en el Cusco", "error": "ValueError('cuerpo ilegible')"}
    ]
    assert not ImportedItem.objects.filter(wp_id=101).exists()
    assert not Page.objects.filter(slug="corpus-christi").exists()
    assert page(100).live and page(111).live


def test_progress_bar_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = Progress(4, "Entradas", stream)
        for _ in range(4):
            bar.step()
        bar.close()
    assert "Entradas [" in terminal.getvalue() and "4/4" in terminal.getvalue()
    assert pipe.getvalue() == ""
