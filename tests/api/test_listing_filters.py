"""Listings cost a fixed number of queries whatever the filters; the server cache follows
Accept; a search-index update renews cached search results (issue 20, items 8 and 9)."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.tasks import insert_or_update_object_task

from cms.api.cache import current_generation
from tests.factories import NewsPageFactory, publish

FILTERED = [
    "/api/v2/pages/?type=news.NewsPage&fields=*&limit=50",
    "/api/v2/pages/?child_of={index}&order=title,-id&fields=*&limit=50",
    "/api/v2/pages/?descendant_of=root&type=news.NewsPage&show_in_menus=false&limit=50",
    "/api/v2/pages/?ancestor_of={last}&limit=50",
    "/api/v2/pages/?translation_of={last}&limit=50",
    "/api/v2/pages/?type=news.NewsPage,news.SpeechPage&order=-first_published_at&limit=50",
    "/api/v2/pages/?site=localhost&locale=es&order=random&limit=50",
    "/api/v2/pages/?type=news.NewsPage&fields=_,id,main_image(width,tags)&limit=50",
    "/api/v2/images/?tags=x&order=title&fields=title,tags&limit=50",
    "/api/v2/documents/?order=-title&limit=50",
]


def count_queries(client, url):
    assert client.get(url).status_code == 200  # the first request may generate renditions
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_each_filter_costs_the_same_queries_at_3_and_at_13_items(make_news, news_index, client):
    pages = make_news(3)
    url_args = {"index": news_index.pk, "last": pages[-1].pk}
    small = {url: count_queries(client, url.format(**url_args)) for url in FILTERED}
    for _ in range(10):
        publish(NewsPageFactory(parent=news_index))
    large = {url: count_queries(client, url.format(**url_args)) for url in FILTERED}
    assert small == large
    assert max(large.values()) <= 12, large


def test_the_server_cache_follows_accept(make_news, client):
    make_news(1)
    assert client.get("/api/v2/pages/").status_code == 200
    assert client.get("/api/v2/pages/", HTTP_ACCEPT="text/html").status_code == 406
    assert client.get("/api/v2/pages/", HTTP_ACCEPT="application/json").status_code == 200


def test_a_search_index_update_renews_the_content_generation(make_news, django_capture_on_commit_callbacks):
    page = make_news(1)[0]
    before = current_generation().value
    with django_capture_on_commit_callbacks(execute=True):
        insert_or_update_object_task.enqueue("news", "newspage", str(page.pk))
    assert current_generation().value == before + 1
