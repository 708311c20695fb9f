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


def test_sqlite_counts_public_notes_from_the_covering_index(make_news, db):
    """cms 0005: the listing's total_count reads the narrow index, not every page row (SQLite)."""
    import pytest

    from cms.api.public import public_pages
    from news.models import NewsPage

    if connection.vendor != "sqlite":
        pytest.skip("the index is SQLite's; PostgreSQL counts with a hash join")
    make_news(3)
    with CaptureQueriesContext(connection) as queries:
        assert public_pages(NewsPage).count() == 4  # the three and the page their bodies link to
    (count_sql,) = [query["sql"] for query in queries.captured_queries if "COUNT(*)" in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {count_sql}")  # SQLite's own quoting of the parameters
        plan = " | ".join(row[3] for row in cursor.fetchall())
    assert "SCAN wagtailcore_page USING COVERING INDEX cms_page_public_now" in plan, plan
