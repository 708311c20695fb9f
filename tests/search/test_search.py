"""The same Spanish search behaviour on every backend the settings can select.

Run it on SQLite (default), on PostgreSQL (DATABASE_URL=postgres://...) and on Elasticsearch
(SEARCH_BACKEND=elasticsearch8 SEARCH_URL=http://127.0.0.1:9200): see .ci/run.
"""

import pytest
from wagtail.models import Page

from events.models import CivicEventPage
from news.models import BulletinPage, NewsPage, SpeechPage
from tests.factories import NewsPageFactory, paragraph, publish

from .conftest import ids, refresh_index

FOUND = [
    # accents, both ways
    ("alcaldia", {"alcaldia_title", "alcaldia_body"}),
    ("Alcaldía", {"alcaldia_title", "alcaldia_body"}),
    ("ALCALDÍA", {"alcaldia_title", "alcaldia_body"}),
    ("sacsayhuaman", {"nota_event"}),
    # singular finds plural and plural finds singular
    ("nota", {"notas_lead"}),
    ("notas", {"nota_event"}),
    ("discurso", {"discursos_speech"}),
    ("discursos", {"discurso_bulletin"}),
    # words only inside a bulletin's PDF
    ("santurantikuy", {"discurso_bulletin"}),
    ("qhapaq", {"discurso_bulletin"}),
    # speaker name, event place, event description
    ("quispe", {"discursos_speech"}),
    ("lectura", {"nota_event"}),
]

HIDDEN = [
    ("quena", "draft"),
    ("charango", "pending"),
    ("zampoñas", "private"),
    ("raymi", "unpublished"),
]


@pytest.mark.parametrize(("query", "expected"), FOUND)
def test_live_public_search_finds(corpus, query, expected, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        found = ids(Page.objects.live().public().search(query))
    assert {corpus[name].pk for name in expected} <= found
    assert not {corpus[name].pk for _, name in HIDDEN} & found


@pytest.mark.parametrize(("query", "name"), HIDDEN)
def test_live_public_search_hides(corpus, query, name):
    assert corpus[name].pk not in ids(Page.objects.live().public().search(query))


def test_hidden_pages_are_indexed_so_hiding_is_the_filters_work(corpus):
    """Without live()/public() the draft, unpublished and private pages are found: the index has them."""
    assert corpus["draft"].pk in ids(Page.objects.search("quena"))
    assert corpus["unpublished"].pk in ids(Page.objects.search("raymi"))
    assert corpus["private"].pk in ids(Page.objects.live().search("zampoñas"))
    # A draft revision is never indexed: the index holds the live content.
    assert corpus["pending"].pk not in ids(Page.objects.search("charango"))
    assert corpus["pending"].pk in ids(Page.objects.search("artesanal"))


@pytest.mark.parametrize(
    ("model", "query", "name"),
    [
        (NewsPage, "lluvias", "alcaldia_title"),
        (NewsPage, "notas", "notas_lead"),
        (SpeechPage, "quispe", "discursos_speech"),
        (SpeechPage, "alcaldía", "alcaldia_body"),
        (BulletinPage, "santurantikuy", "discurso_bulletin"),
        (BulletinPage, "inaugural", "discurso_bulletin"),
        (CivicEventPage, "sacsayhuaman", "nota_event"),
    ],
)
def test_each_content_type_is_searchable_on_its_own(corpus, model, query, name):
    found = ids(model.objects.live().public().search(query))
    assert found == {corpus[name].pk}


def test_results_are_ordered_by_relevance(corpus, site_tree):
    """A page about the term (title, lead and body) ranks above one that mentions it once in passing."""
    news = site_tree["sections"]["news.NewsIndexPage"]
    filler = " ".join(["El municipio coordina con los vecinos las obras del distrito."] * 8)
    passing = publish(
        NewsPageFactory(
            parent=news, title="Obras en Santiago", body=[paragraph(f"<p>{filler} Lo anunció la Alcaldía.</p>")]
        )
    )
    about = publish(
        NewsPageFactory(
            parent=news,
            title="Alcaldía escolar del Cusco",
            lead="La alcaldía escolar juramentó.",
            body=[paragraph("<p>Cada colegio elige su alcaldía escolar.</p>")],
        )
    )
    refresh_index()
    order = [page.pk for page in Page.objects.live().public().search("alcaldía")]
    assert order.index(about.pk) < order.index(passing.pk)


def test_public_api_search(corpus, client):
    response = client.get("/api/v2/pages/", {"search": "alcaldia"})
    assert response.status_code == 200
    found = {item["id"] for item in response.json()["items"]}
    assert {corpus["alcaldia_title"].pk, corpus["alcaldia_body"].pk} <= found

    for query, name in HIDDEN:
        response = client.get("/api/v2/pages/", {"search": query})
        assert response.status_code == 200
        assert corpus[name].pk not in {item["id"] for item in response.json()["items"]}
