"""A listing costs the same small number of queries whatever its length (DESIGN.md §6)."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

LISTING = "/api/v2/pages/?type=news.NewsPage&fields=*&limit={limit}"


def test_listing_of_10_20_50_news_costs_the_same_few_queries(make_news, client, django_assert_max_num_queries):
    make_news(50)
    counts = {}
    for limit in (10, 20, 50):
        url = LISTING.format(limit=limit)
        assert client.get(url).status_code == 200  # first request may generate renditions
        cache.clear()  # measure a full render, not a cached response
        # 11: the 10 of a full render plus one for every item's meta.translations (issue 19).
        with django_assert_max_num_queries(11), CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        items = response.json()["items"]
        assert len(items) == limit
        # What makes stock v2 cost a query per item is really there in every item.
        assert all(item["main_image"]["renditions"]["card"]["url"].endswith(".webp") for item in items)
        assert all(item["categories"][0]["slug"] == "cultura" for item in items)
        assert all(item["related_people"][0]["photo"]["renditions"] for item in items)
        assert all('href="http://localhost:3000/notas-de-prensa/' in item["body"][1]["value"] for item in items)
        assert all(item["body"][4]["value"]["type"] == "pdf" for item in items)
        counts[limit] = len(queries)
    assert len(set(counts.values())) == 1, counts


def test_detail_costs_at_most_eleven_queries(make_news, client, django_assert_max_num_queries):
    page = make_news(1)[0]
    url = f"/api/v2/pages/{page.pk}/"
    assert client.get(url).status_code == 200
    cache.clear()
    with django_assert_max_num_queries(11):  # 10, plus one for meta.translations (issue 19)
        response = client.get(url)
    assert response.json()["meta"]["parent"]["title"] == "Notas de prensa"


def test_a_cached_response_costs_one_query(make_news, client, django_assert_num_queries):
    make_news(3)
    url = LISTING.format(limit=3)
    first = client.get(url)
    with django_assert_num_queries(1):  # the content generation
        second = client.get(url)
    assert second.content == first.content


def test_images_and_documents_listings_cost_a_fixed_number_of_queries(
    make_news, client, django_assert_max_num_queries
):
    make_news(12)
    for url in ("/api/v2/images/?limit=20", "/api/v2/documents/?limit=20"):
        assert client.get(url).status_code == 200
        cache.clear()
        with django_assert_max_num_queries(6):  # 6: stock's meta.tags, one query for the whole page
            assert client.get(url).status_code == 200


def test_a_one_type_listing_counts_its_type_from_the_covering_index(make_news, client):
    """cms 0005: total_count of ?type=news.NewsPage counts wagtailcore_page rows of the type, from the
    type's range of the narrow index on SQLite (no join to news_newspage, no read of page rows)."""
    make_news(3)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v2/pages/?type=news.NewsPage&fields=title")
    # The three and the page their bodies link to; no speech or bulletin (page types of their own).
    assert response.json()["meta"]["total_count"] == 4 == len(response.json()["items"])
    (count_sql,) = [query["sql"] for query in queries.captured_queries if "COUNT(*)" in query["sql"]]
    assert "news_newspage" not in count_sql and "content_type_id" in count_sql
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {count_sql}")  # SQLite's own quoting of the parameters
            plan = " | ".join(row[3] for row in cursor.fetchall())
        assert "SEARCH wagtailcore_page USING COVERING INDEX cms_page_public_now (content_type_id=?)" in plan, plan


def test_a_filtered_listing_counts_with_its_filters(make_news, client):
    """Any filter (here ?slug=) keeps the count on the type's own queryset: the count is of what is listed."""
    pages = make_news(3)
    cache.clear()
    body = client.get(f"/api/v2/pages/?type=news.NewsPage&slug={pages[0].slug}").json()
    assert body["meta"]["total_count"] == 1 == len(body["items"])
