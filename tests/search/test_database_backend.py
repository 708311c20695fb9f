"""The database backend (search.database) ranks and limits in SQL: a search costs the same few
queries however many pages match, ranks a title match above a body match, and finds and counts only
public pages. SQLite (FTS5) and PostgreSQL; the engine has its own tests (test_engine.py)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from news.models import NewsPage
from tests.factories import NewsPageFactory, SpeechPageFactory, paragraph, publish

from .conftest import ENGINE_CONFIGURED, ids

pytestmark = pytest.mark.skipif(ENGINE_CONFIGURED, reason="the database backend's own behaviour")

WORD = "Qorikancha"
FILLER = "<p>El municipio coordina con los vecinos las obras del distrito y el plan de lluvias.</p>"


def make_matches(parent, count, start=0):
    return [
        publish(NewsPageFactory(parent=parent, title=f"Visita número {start + n} al {WORD}", body=[paragraph(FILLER)]))
        for n in range(count)
    ]


def api_search(client, query="", **params):
    cache.clear()  # a full render each time, not the cached response
    response = client.get("/api/v2/pages/", {"search": WORD, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_a_search_costs_the_same_queries_whatever_the_matches(site_tree, django_assert_num_queries):
    news = site_tree["sections"]["news.NewsIndexPage"]
    for count in (3, 40):
        make_matches(news, count - NewsPage.objects.filter(title__contains=WORD).count(), start=100 * count)
        results = NewsPage.objects.live().public().search(WORD)
        # The ranked slice, the objects of that slice, the count (PostgreSQL: with the slice): no
        # query per match, no list of ids.
        with (
            django_assert_num_queries(3 if connection.vendor == "sqlite" else 2),
            CaptureQueriesContext(connection) as queries,
        ):
            found = list(results[:20])
            total = results.count()
        assert len(found) == min(count, 20)
        assert total == count
        ranked = queries.captured_queries[0]["sql"]
        assert "LIMIT 20" in ranked
        assert ("rank" in ranked) if connection.vendor == "sqlite" else ("ts_rank" in ranked)


def test_the_search_listing_costs_the_same_queries_whatever_the_matches(site_tree, client):
    news = site_tree["sections"]["news.NewsIndexPage"]
    counts = {}
    for count in (3, 40):
        make_matches(news, count - NewsPage.objects.filter(title__contains=WORD).count(), start=100 * count)
        with CaptureQueriesContext(connection) as queries:
            body = api_search(client, type="news.NewsPage", limit=20)
        assert body["meta"]["total_count"] == count
        assert len(body["items"]) == min(count, 20)
        counts[count] = len(queries)
    assert counts[3] == counts[40], counts


def test_a_title_match_ranks_above_a_body_match(site_tree, client):
    news = site_tree["sections"]["news.NewsIndexPage"]
    # The title match is the older page, so no tie-break by id can put it first.
    in_title = publish(NewsPageFactory(parent=news, title=f"Restauración del {WORD}", body=[paragraph(FILLER)]))
    in_body = publish(
        NewsPageFactory(parent=news, title="Obras en Santiago", body=[paragraph(f"<p>Cerca del {WORD}.</p>")])
    )
    in_lead = publish(NewsPageFactory(parent=news, title="Agenda cultural", lead=f"Visitas guiadas al {WORD}."))
    order = [page.pk for page in Page.objects.live().public().search(WORD)]
    assert order.index(in_title.pk) < order.index(in_body.pk)
    assert order.index(in_title.pk) < order.index(in_lead.pk)
    assert [item["id"] for item in api_search(client)["items"]][0] == in_title.pk
    scored = {page.pk: page.score for page in Page.objects.live().search(WORD).annotate_score("score")}
    assert scored[in_title.pk] > scored[in_body.pk] > 0


def test_only_public_pages_are_found_and_counted(site_tree, client):
    sections = site_tree["sections"]
    news, speeches = sections["news.NewsIndexPage"], sections["news.SpeechIndexPage"]
    public = make_matches(news, 5)
    public.append(publish(SpeechPageFactory(parent=speeches, title=f"Discurso en el {WORD}")))
    NewsPageFactory(parent=news, title=f"{WORD} en borrador", live=False).save_revision()
    expired = publish(NewsPageFactory(parent=news, title=f"{WORD} vencida"))
    NewsPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    later = publish(NewsPageFactory(parent=news, title=f"{WORD} programada"))
    NewsPage.objects.filter(pk=later.pk).update(go_live_at=timezone.now() + datetime.timedelta(days=1))
    restricted = publish(NewsPageFactory(parent=news, title=f"{WORD} con clave"))
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    # A restriction on a section hides what is below it.
    private_section = publish(NewsPageFactory(parent=news, title="Sección reservada"))
    below = publish(NewsPageFactory(parent=private_section, title=f"{WORD} bajo la sección reservada"))
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    unpublished = publish(NewsPageFactory(parent=news, title=f"{WORD} retirada"))
    unpublished.unpublish()
    hidden = {expired.pk, later.pk, restricted.pk, below.pk, unpublished.pk}
    assert hidden <= ids(Page.objects.search(WORD)) | {below.pk}  # indexed: hiding is the filters' work

    first, second = api_search(client, limit=4), api_search(client, limit=4, offset=4)
    assert first["meta"]["total_count"] == second["meta"]["total_count"] == len(public)
    found = [item["id"] for item in first["items"] + second["items"]]
    assert sorted(found) == sorted(page.pk for page in public)  # every public match once, across pages
    assert api_search(client, type="news.NewsPage", limit=1)["meta"]["total_count"] == len(public) - 1


def test_a_search_in_a_given_order_keeps_it(site_tree, client):
    news = site_tree["sections"]["news.NewsIndexPage"]
    titles = [f"{letter} {WORD}" for letter in ("Cuzco", "Abancay", "Bolognesi")]
    for title in titles:
        publish(NewsPageFactory(parent=news, title=title))
    publish(NewsPageFactory(parent=news, title="Aaa sin la palabra"))
    body = api_search(client, order="title")
    assert [item["title"] for item in body["items"]] == sorted(titles)
    assert body["meta"]["total_count"] == 3


def test_either_word_and_autocomplete(site_tree, client):
    news = site_tree["sections"]["news.NewsIndexPage"]
    both = publish(NewsPageFactory(parent=news, title=f"{WORD} y Sacsayhuamán"))
    one = publish(NewsPageFactory(parent=news, title="Sacsayhuamán de noche"))
    cache.clear()
    response = client.get("/api/v2/pages/", {"search": f"{WORD} Sacsayhuaman", "search_operator": "or"})
    assert [item["id"] for item in response.json()["items"]] == [both.pk, one.pk]  # both words first
    cache.clear()
    response = client.get("/api/v2/pages/", {"search": f"{WORD} Sacsayhuaman"})
    assert [item["id"] for item in response.json()["items"]] == [both.pk]
    assert ids(Page.objects.live().public().autocomplete(WORD[:5])) == {both.pk}


def test_facet_counts_the_matches_per_page_type(site_tree):
    """The admin's page search counts its results per page type."""
    sections = site_tree["sections"]
    make_matches(sections["news.NewsIndexPage"], 3)
    speech = publish(SpeechPageFactory(parent=sections["news.SpeechIndexPage"], title=f"Discurso en el {WORD}"))
    publish(NewsPageFactory(parent=sections["news.NewsIndexPage"], title="Sin la palabra"))
    facet = Page.objects.live().search(WORD).facet("content_type_id")
    assert facet == {ContentType.objects.get_for_model(NewsPage).pk: 3, speech.content_type_id: 1}
