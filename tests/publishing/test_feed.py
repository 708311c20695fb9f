"""RSS 2.0 of press notes at /feeds/noticias/, read back with feedparser."""

import datetime

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import CategoryFactory, NewsPageFactory


@pytest.fixture
def notes(news_index):
    base = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
    culture = CategoryFactory(name="Cultura", slug="cultura")
    pages = []
    for n in range(22):
        page = NewsPageFactory(parent=news_index, title=f"Nota {n:02d}", date=base - datetime.timedelta(hours=n))
        if n == 0:
            page.categories.add(culture)
            page.save()
        pages.append(page)
    return pages


def test_feed_lists_the_latest_twenty_public_notes(client, notes, news_index, settings):
    NewsPageFactory(parent=news_index, title="Borrador", live=False, date=timezone.now())
    restricted = NewsPageFactory(parent=news_index, title="Solo personal", date=timezone.now())
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS).groups.add(
        Group.objects.get(name="Redactores")
    )

    response = client.get("/feeds/noticias/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.link == f"{settings.WEBSITE_URL}/notas-de-prensa/"
    assert [entry.title for entry in feed.entries] == [f"Nota {n:02d}" for n in range(20)]

    first, page = feed.entries[0], notes[0]
    assert first.link == f"{settings.WEBSITE_URL}/notas-de-prensa/{page.slug}/"
    assert first.summary == page.lead
    assert datetime.datetime(*first.published_parsed[:6], tzinfo=datetime.UTC) == page.date
    assert [tag.term for tag in first.tags] == ["Cultura"]
    [enclosure] = first.enclosures
    rendition = page.main_image.get_rendition("fill-1200x630")
    assert enclosure.href == f"http://testserver{rendition.url}"
    assert enclosure.type == "image/png"
    assert int(enclosure.length) == rendition.file.size > 0


def test_feed_has_etag_cache_control_and_answers_304(client, notes):
    response = client.get("/feeds/noticias/")
    assert "max-age=" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    etag = response["ETag"]
    assert client.get("/feeds/noticias/", headers={"if-none-match": etag}).status_code == 304


def test_feed_costs_the_same_queries_for_two_or_twenty_notes(client, news_index, django_assert_max_num_queries):
    for _ in range(2):
        NewsPageFactory(parent=news_index, categories=[CategoryFactory()])
    client.get("/feeds/noticias/")  # renditions are generated once, on first request
    with django_assert_max_num_queries(10) as few:
        client.get("/feeds/noticias/")
    few_queries = len(few)  # read now: every request resets Django's query log
    for _ in range(20):
        NewsPageFactory(parent=news_index, categories=[CategoryFactory()])
    client.get("/feeds/noticias/")
    with django_assert_max_num_queries(few_queries):
        client.get("/feeds/noticias/")
