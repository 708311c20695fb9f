"""seed_bench: bulk-created pages form a valid tree, carry revisions and are what the API serves."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, ReferenceIndex, Revision

from cms.benchdata import pools
from cms.benchdata.seed import Seeder
from cms.bootstrap import bootstrap
from events.models import CivicEventPage
from news.models import BulletinPage, NewsPage, SpeechPage

COUNTS = {"news": 30, "events": 6, "speeches": 4, "bulletins": 3, "images": 2}


@pytest.fixture
def seeded(db):
    call_command("seed_bench", **COUNTS, json=True)
    return bootstrap()["sections"]


def test_tree_is_valid_and_counts_are_right(seeded):
    assert Page.find_problems() == ([], [], [], [], [])
    assert NewsPage.objects.count() == 30
    assert CivicEventPage.objects.count() == 6
    assert SpeechPage.objects.count() == 4
    assert BulletinPage.objects.count() == 3
    for section in seeded.values():
        section.refresh_from_db()
        assert section.numchild == section.get_children().count()
        for child in section.get_children():
            assert child.url_path == f"{section.url_path}{child.slug}/"
            assert child.locale_id == section.locale_id


def test_every_page_is_live_with_its_published_revision(seeded):
    pages = Page.objects.type(NewsPage, CivicEventPage, SpeechPage, BulletinPage).specific()
    assert len(pages) == 43
    for page in pages:
        assert page.live and not page.has_unpublished_changes
        assert page.live_revision_id == page.latest_revision_id is not None
        revision = Revision.objects.get(pk=page.live_revision_id)
        assert revision.object_id == str(page.pk)
        restored = revision.as_object()
        assert restored.title == page.title
        if isinstance(page, NewsPage):
            assert list(restored.body.raw_data) == list(page.body.raw_data)
            # Its reference index rows, as Page.save() writes them: what makes the images it uses public.
            used = set(ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list("to_object_id", flat=True))
            body_images = {str(block["value"]["image"]) for block in page.body.raw_data if block["type"] == "image"}
            assert {str(page.main_image_id), *body_images} <= used
            assert {c.pk for c in restored.categories.all()} == set(page.categories.values_list("pk", flat=True))


def test_live_pages_are_served_by_the_api_with_resolved_links(seeded, client):
    response = client.get("/api/v2/pages/?type=news.NewsPage&fields=body,main_image&limit=50")
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 30
    assert {item["id"] for item in data["items"]} == set(NewsPage.objects.values_list("pk", flat=True))
    bodies = " ".join(str(block["value"]) for item in data["items"] for block in item["body"])
    assert 'linktype="page"' not in bodies
    assert "<a href=" in bodies  # internal links were resolved to URLs
    assert all(item["main_image"] for item in data["items"])
    images = [block["value"] for item in data["items"] for block in item["body"] if block["type"] == "image"]
    assert images and all(image and image["id"] for image in images)
    page = NewsPage.objects.first()
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == page.title


def test_new_pages_are_in_the_search_index(seeded):
    page = NewsPage.objects.order_by("-date").first()
    assert page in NewsPage.objects.live().search(page.title)


def test_topping_up_appends_older_notes_and_keeps_the_tree_valid(seeded):
    newest = list(NewsPage.objects.order_by("-date").values_list("pk", flat=True)[:20])
    call_command("seed_bench", **{**COUNTS, "news": 45}, json=True)
    assert Page.find_problems() == ([], [], [], [], [])
    assert NewsPage.objects.count() == 45
    assert list(NewsPage.objects.order_by("-date").values_list("pk", flat=True)[:20]) == newest
    assert NewsPage.objects.values("slug").distinct().count() == 45


def test_bulk_creation_queries_grow_by_one_per_page_at_most(db):
    """10 then 100 more notes: SQLite's bound-parameter limit splits an insert (35 page rows a query), and
    Wagtail's reference extraction loads each body's images (one query a page: what makes the images a
    public page uses public, as in production). Page.add_child() + publish cost ~15 a page."""
    sections = bootstrap()["sections"]
    seeder = Seeder(sections, pools.ensure_images(1))
    with CaptureQueriesContext(connection) as few:
        seeder.news(10)
    with CaptureQueriesContext(connection) as many:
        seeder.news(110)
    assert NewsPage.objects.count() == 110
    assert len(few) <= 20 + 10
    assert len(many) <= len(few) + 100 + 4


def test_stock_api_baseline_is_not_mounted_outside_bench_settings(seeded, client):
    assert client.get("/bench/stock/pages/").status_code == 404


@pytest.mark.parametrize("bad", [{"news": -1}, {"images": 0}])
def test_bad_counts_are_refused(db, bad):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("seed_bench", **{**COUNTS, **bad})
