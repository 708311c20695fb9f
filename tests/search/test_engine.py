"""Against the real Elasticsearch node (SEARCH_BACKEND=elasticsearch8, started by `make elasticsearch` or CI).

The analyzer is checked on the index Wagtail created, and the last test stops the node mid-run
with esnode/run.sh, then starts it again.
"""

import io
import os
import subprocess
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from news.models import NewsPage
from search.backends import reset_outage
from tests.factories import NewsPageFactory, paragraph, publish

from .conftest import ids, refresh_index
from .test_fallback import FALLBACK_WARNING

pytestmark = pytest.mark.search_engine


def run_engine(command):
    """esnode/run.sh start|stop for the node that serves SEARCH_URL (same data dir as `make elasticsearch`;
    its transport port from ELASTICSEARCH_TRANSPORT_PORT when set, else run.sh's default)."""
    url = urlparse(settings.SEARCH_URLS[0] if settings.SEARCH_URLS else "http://127.0.0.1:9200")
    env = {**os.environ, "ELASTICSEARCH_PORT": str(url.port or 9200)}
    script = os.environ.get("ELASTICSEARCH_RUN", str(settings.BASE_DIR / "esnode" / "run.sh"))
    subprocess.run([script, command], env=env, cwd=settings.BASE_DIR, check=True, timeout=300)  # noqa: S603


def page_index():
    backend = get_search_backend()
    return backend, backend.get_index_for_model(Page).name


def analyze(field, text):
    backend, index = page_index()
    response = backend.es.indices.analyze(index=index, field=field, text=text)
    return [token["token"] for token in response["tokens"]]


def test_mapped_text_fields_use_the_spanish_analyzer(corpus):
    backend, index = page_index()
    mapping = next(iter(backend.es.indices.get_mapping(index=index).values()))["mappings"]["properties"]
    for field in ("title", "_all_text", "news_newspage__lead", "news_bulletinpage__pdf_text"):
        assert mapping[field]["type"] == "text"
        assert "analyzer" not in mapping[field]  # so the index's "default" analyzer applies

    analysis = next(iter(backend.es.indices.get_settings(index=index).values()))["settings"]["index"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"] == [
        "lowercase",
        "spanish_stop",
        "asciifolding",
        "spanish_light_stemmer",
        "spanish_snowball_stemmer",
    ]
    assert analyze("news_newspage__lead", "La Alcaldía y las notas de los discursos") == ["alcaldi", "not", "discurs"]
    assert analyze("news_newspage__lead", "alcaldia nota discurso") == ["alcaldi", "not", "discurs"]
    assert analyze("news_bulletinpage__pdf_text", "Ciudades") == analyze("_all_text", "ciudad")


def test_documents_carry_the_pdf_text(corpus):
    backend, index = page_index()
    bulletin = corpus["discurso_bulletin"]
    document = backend.es.get(index=index, id=str(bulletin.pk))["_source"]
    assert "Santurantikuy" in document["news_bulletinpage__pdf_text"]


def test_autocomplete_folds_accents(corpus):
    assert corpus["alcaldia_title"].pk in ids(NewsPage.objects.live().autocomplete("Alcaldí"))
    assert corpus["alcaldia_title"].pk in ids(NewsPage.objects.live().autocomplete("alcaldi"))


def test_engine_stopped_mid_run_falls_back_then_update_index_catches_up(corpus, site_tree, client, caplog):
    backend = get_search_backend()
    assert backend.es.ping()
    assert corpus["alcaldia_title"].pk in ids(Page.objects.live().public().search("alcaldia"))
    assert FALLBACK_WARNING not in caplog.text
    assert client.get("/readyz").json()["checks"]["search"] == "ok"

    run_engine("stop")
    try:
        assert not backend.es.ping()
        readyz = client.get("/readyz")
        assert readyz.status_code == 200 and readyz.json()["checks"]["search"].startswith("degraded")
        found = ids(Page.objects.live().public().search("alcaldia"))
        assert {corpus["alcaldia_title"].pk, corpus["alcaldia_body"].pk} <= found
        assert FALLBACK_WARNING in caplog.text
        response = client.get("/api/v2/pages/", {"search": "discursos"})
        assert response.status_code == 200
        assert corpus["discurso_bulletin"].pk in {item["id"] for item in response.json()["items"]}

        news = site_tree["sections"]["news.NewsIndexPage"]
        page = publish(
            NewsPageFactory(parent=news, title="Inauguración del puente Kutuqay", body=[paragraph("<p>Vía.</p>")])
        )
        assert page.live
        assert "Exception raised while adding" in caplog.text
        assert page.pk in ids(Page.objects.live().public().search("kutuqay"))  # from the database backend
    finally:
        run_engine("start")

    reset_outage()
    caplog.clear()
    assert backend.es.ping()
    assert client.get("/readyz").json()["checks"]["search"] == "ok"
    assert page.pk not in ids(Page.objects.live().public().search("kutuqay"))  # the engine missed it
    assert FALLBACK_WARNING not in caplog.text

    output = io.StringIO()
    call_command("update_index", stdout=output)
    assert "default: Rebuilding index" in output.getvalue()
    assert "default: indexed" in output.getvalue()
    refresh_index()
    assert page.pk in ids(Page.objects.live().public().search("kutuqay"))
    assert corpus["alcaldia_title"].pk in ids(Page.objects.live().public().search("alcaldia"))
    assert FALLBACK_WARNING not in caplog.text
