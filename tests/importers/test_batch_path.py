"""The import's batch path: bounded queries per post, search and API right at the end, a failing batch."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from bench import wxr_generate
from importers.models import ImportedItem
from importers.wordpress import fast
from importers.wordpress.importer import run_import as import_export
from publishing.models import OutboxEvent, WebhookEndpoint

# Measured on SQLite: 2.3 queries per additional post with one webhook endpoint (the page's rows, its
# savepoint, its import record); the rest, the webhook outbox's events included, is per batch of 50
# (it was 7.3 with the outbox written per page). Wagtail's own per-page path took about 90.
MAX_QUERIES_PER_POST = 3


def generated(tmp_path, monkeypatch, posts, site):
    """A generated export (bench/wxr_generate.py) with only published posts, from its own site."""
    monkeypatch.setattr(wxr_generate, "SITE", site)
    monkeypatch.setattr(wxr_generate, "STATUSES", ["publish"])
    folder = tmp_path / f"export-{posts}"
    folder.mkdir()
    wxr_generate.generate(posts, folder / "export.xml", folder / "uploads")
    return folder / "export.xml", folder / "uploads"


def counted_import(path, uploads, user):
    with CaptureQueriesContext(connection) as queries:
        report = import_export(str(path), uploads=str(uploads), user=user)
    assert not report.errors
    return len(queries), report


def test_queries_per_additional_post_stay_bounded(site_tree, superuser, tmp_path, monkeypatch):
    # The website listens for publications: each imported live page is announced once.
    WebhookEndpoint.objects.create(name="Sitio web", url="http://127.0.0.1:9/", events=["published"])
    small = generated(tmp_path, monkeypatch, 10, "https://a.example.org/archivo")
    large = generated(tmp_path, monkeypatch, 20, "https://b.example.org/noticias")
    small_queries, small_report = counted_import(*small, superuser)
    large_queries, large_report = counted_import(*large, superuser)
    assert small_report.created["news.NewsPage"] == 10 and large_report.created["news.NewsPage"] == 20
    per_post = (large_queries - small_queries) / 10
    assert per_post <= MAX_QUERIES_PER_POST, (small_queries, large_queries)
    # Each new page still got its revision, its audit-log entry, its reference index and its redirects.
    for item in ImportedItem.objects.filter(kind="post").select_related("page"):
        page = item.page.specific
        assert page.live and page.live_revision_id == page.latest_revision_id
        assert Revision.objects.filter(object_id=str(page.pk)).count() == 1
        assert page.live_revision.as_object().title == page.title
        assert PageLogEntry.objects.filter(page=page, action="importers.import").count() == 1
        assert ReferenceIndex.objects.filter(object_id=str(page.pk)).exists()  # its main image at least
    published = OutboxEvent.objects.filter(event="published")
    assert sorted(published.values_list("object_id", flat=True)) == sorted(
        str(pk) for pk in ImportedItem.objects.filter(kind="post").values_list("page_id", flat=True)
    )
    section = Page.objects.get(slug="notas-de-prensa")
    assert section.numchild == section.get_children().count() == 30
    assert Page.find_problems() == ([], [], [], [], [])


def test_search_and_public_api_find_the_imported_posts_without_a_worker(run_import, uploads, client):
    WebhookEndpoint.objects.create(name="Sitio web", url="http://127.0.0.1:9/")
    run_import("site.xml", "--uploads", str(uploads))
    note = ImportedItem.objects.get(wp_id=100).page
    found = client.get("/api/v2/pages/", {"type": "news.NewsPage", "search": "Inti Raymi"}).json()
    assert note.pk in [item["id"] for item in found["items"]]
    detail = client.get(f"/api/v2/pages/{note.pk}/").json()
    assert detail["title"] == note.title and detail["meta"]["first_published_at"].startswith("2023-06-24")
    # The private and draft posts are indexed (as Wagtail indexes every page) but not public.
    private = ImportedItem.objects.get(wp_id=105).page
    found = client.get("/api/v2/pages/", {"search": private.title}).json()
    assert private.pk not in [item["id"] for item in found["items"]]
    # The website hears of the public note once, and of the private one not at all.
    events = list(OutboxEvent.objects.values_list("event", "object_id"))
    assert events.count(("published", str(note.pk))) == 1
    assert not [event for event in events if event[1] == str(private.pk)]


def test_a_batch_whose_shared_rows_fail_is_written_again_post_by_post(run_import, uploads, monkeypatch):
    real = fast.reference_rows

    def failing_for_corpus(page):
        if page.slug == "corpus-christi":
            raise ValueError("referencias ilegibles")
        return real(page)

    monkeypatch.setattr(fast, "reference_rows", failing_for_corpus)  # a test seam, not a third party
    report, _ = run_import("site.xml", "--uploads", str(uploads))
    assert [error["id"] for error in report["errors"]] == [101]
    assert not ImportedItem.objects.filter(wp_id=101).exists()
    assert not Page.objects.filter(slug="corpus-christi").exists()
    others = ImportedItem.objects.filter(kind="post").exclude(wp_id=101)
    assert others.count() == sum(report["created"].values()) and others.count() >= 5
    assert all(item.page.live_revision_id or not item.page.live for item in others)


def test_imported_notes_are_not_mailed_to_the_press_but_later_publications_are(run_import, uploads):
    from cms.models import Category, MediaOutlet
    from media_relations.models import PressRelease

    cultura = Category.objects.create(name="Cultura", slug="cultura")
    outlet = MediaOutlet.objects.create(
        name="Diario Ejemplo", kind=MediaOutlet.Kind.DIGITAL, email="redaccion@diario.example.org", accredited=True
    )
    outlet.categories.set([cultura])
    run_import("site.xml", "--uploads", str(uploads))
    note = ImportedItem.objects.get(wp_id=100).page.specific
    assert cultura in note.categories.all()
    assert not PressRelease.objects.exists()  # an archive is not news
    note.save_revision().publish()  # the receiver is back once the import is over
    assert PressRelease.objects.filter(page=note).count() == 1
