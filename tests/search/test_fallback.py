"""When the engine is down or slow, searches answer from the database backend and publishing works.

These run on every database: the "engine" is the real `elasticsearch` client pointed at a closed port
(down) or at a socket that accepts connections and never answers (slow). test_engine.py stops the
real Elasticsearch node instead.
"""

import socket
import threading

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from news.models import NewsPage
from search.backends import engine_resting, reset_outage
from tests.factories import NewsPageFactory, paragraph, publish

from .conftest import ids

FALLBACK_WARNING = "answering from the 'database' search backend"


def engine_settings(settings, port, timeout=3):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "ENGINE": "wagtail.search.backends.elasticsearch8",
            "FALLBACK": "database",
            "URLS": [f"http://127.0.0.1:{port}"],
            "INDEX_PREFIX": "test_unreachable_",
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            "INDEX_SETTINGS": settings.SEARCH_INDEX_SETTINGS,
        },
        "database": settings.DATABASE_SEARCH,
    }
    reset_outage()


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SilentServer:
    """Accepts connections and never answers: an engine that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.connections:
            conn.close()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()


def test_engine_down_search_answers_from_the_database(corpus, settings, closed_port, caplog):
    engine_settings(settings, closed_port)
    assert type(get_search_backend()).__name__ == "ResilientElasticsearch8SearchBackend"

    results = Page.objects.live().public().search("alcaldia")
    assert {corpus["alcaldia_title"].pk, corpus["alcaldia_body"].pk} <= ids(results)
    assert corpus["private"].pk not in ids(Page.objects.live().public().search("zampoñas"))
    assert Page.objects.live().public().search("notas").count() >= 2
    assert FALLBACK_WARNING in caplog.text
    assert engine_resting()


def test_engine_down_autocomplete_answers_from_the_database(corpus, settings, closed_port, caplog):
    engine_settings(settings, closed_port)
    assert corpus["alcaldia_title"].pk in ids(NewsPage.objects.live().autocomplete("alcal"))
    assert FALLBACK_WARNING in caplog.text


def test_engine_down_public_api_search_is_not_a_500(corpus, settings, closed_port, client):
    engine_settings(settings, closed_port)
    response = client.get("/api/v2/pages/", {"search": "discursos"})
    assert response.status_code == 200
    assert corpus["discurso_bulletin"].pk in {item["id"] for item in response.json()["items"]}


def test_engine_down_publishing_works_and_the_page_is_found(site_tree, settings, closed_port, caplog):
    engine_settings(settings, closed_port)
    news = site_tree["sections"]["news.NewsIndexPage"]
    page = publish(
        NewsPageFactory(parent=news, title="Inauguración del puente Kutuqay", body=[paragraph("<p>Obra vial.</p>")])
    )
    assert page.live and page.first_published_at is not None
    assert "Exception raised while adding" in caplog.text  # the engine's index update failed, and was logged
    assert page.pk in ids(Page.objects.live().search("kutuqay"))


def test_engine_slow_search_times_out_to_the_database_and_rests(corpus, settings, silent_server, caplog):
    engine_settings(settings, silent_server.port, timeout=1)
    assert corpus["discursos_speech"].pk in ids(Page.objects.live().public().search("quispe"))
    assert FALLBACK_WARNING in caplog.text and "ConnectionTimeout" in caplog.text
    assert len(silent_server.connections) == 1

    # While the engine rests, searches do not wait for it again.
    assert corpus["nota_event"].pk in ids(Page.objects.live().public().search("sacsayhuaman"))
    assert len(silent_server.connections) == 1

    reset_outage()
    assert corpus["nota_event"].pk in ids(Page.objects.live().public().search("sacsayhuaman"))
    assert len(silent_server.connections) == 2


def test_without_a_fallback_the_engine_error_is_raised(corpus, settings, closed_port):
    engine_settings(settings, closed_port)
    settings.WAGTAILSEARCH_BACKENDS["default"].pop("FALLBACK")
    from elastic_transport import ConnectionError

    with pytest.raises(ConnectionError):
        list(Page.objects.live().search("alcaldia"))


def test_readyz_reports_search_degraded_but_stays_ready_while_the_engine_is_down(client, settings, closed_port):
    engine_settings(settings, closed_port)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["search"].startswith("degraded")
    assert response.json()["checks"]["database"] == "ok"
