"""Search tests run against whatever backend the settings select (SEARCH_BACKEND, DATABASE_URL)."""

import io

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from cms.models import Person
from search.backends import reset_outage
from tests.factories import (
    BulletinPageFactory,
    CivicEventPageFactory,
    DocumentFactory,
    NewsPageFactory,
    SpeechPageFactory,
    paragraph,
    pdf_bytes,
    publish,
)

PDF_TEXT = "Feria de Santurantikuy\nRestauración del Qhapaq Ñan"
ENGINE_CONFIGURED = settings.SEARCH_BACKEND in settings.SEARCH_ENGINES


def pytest_collection_modifyitems(config, items):
    """`search_engine` tests need the Elasticsearch node; without SEARCH_BACKEND set they are deselected."""
    if ENGINE_CONFIGURED:
        return
    deselected = [item for item in items if item.get_closest_marker("search_engine")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("search_engine")]


_engine_schema = {"ready": False}


@pytest.fixture(autouse=True)
def search_index(db, settings):
    """An empty index per test: engine indexes outlive the test's database transaction."""
    if ENGINE_CONFIGURED:
        default = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
        default["INDEX_PREFIX"] = "test_" + default["INDEX_PREFIX"]
        # A cold node on a loaded CI machine can take longer than SEARCH_TIMEOUT (3 s) to create an
        # index; these tests stop the node rather than wait on it (test_fallback.py sets its own).
        default["TIMEOUT"] = max(default["TIMEOUT"], 30)
        settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "default": default}
        reset_outage()
        backend = get_search_backend()
        if not _engine_schema["ready"]:  # indexes and mappings once per run, then only empty them
            call_command("update_index", backend_name="default", schema_only=True, stdout=io.StringIO())
            _engine_schema["ready"] = True
        for index in backend.all_indexes():
            hits = backend.es.search(index=index.name, query={"match_all": {}}, size=10_000, source=False)
            deletes = [{"_op_type": "delete", "_index": index.name, "_id": hit["_id"]} for hit in hits["hits"]["hits"]]
            if deletes:
                backend.bulk(backend.es, deletes, refresh=True)
    yield get_search_backend()
    reset_outage()


def refresh_index():
    """Make what was just indexed visible to searches (engines refresh about once a second)."""
    get_search_backend().refresh_indexes()


def ids(results):
    return {page.pk for page in results}


@pytest.fixture
def corpus(site_tree):
    """Live pages to find, plus draft, pending, private and unpublished ones that must stay hidden."""
    sections = site_tree["sections"]
    news, speeches = sections["news.NewsIndexPage"], sections["news.SpeechIndexPage"]
    bulletins, events = sections["news.BulletinIndexPage"], sections["events.EventIndexPage"]
    text = "<p>Texto institucional.</p>"
    pages = {
        "alcaldia_title": NewsPageFactory(
            parent=news, title="La Alcaldía del Cusco presenta el plan de lluvias", body=[paragraph(text)]
        ),
        "alcaldia_body": SpeechPageFactory(
            parent=speeches, title="Palabras en Wanchaq", body=[paragraph("<p>La alcaldia provincial trabaja.</p>")]
        ),
        "notas_lead": NewsPageFactory(
            parent=news, title="Balance mensual", lead="Se publicaron las notas oficiales.", body=[paragraph(text)]
        ),
        "nota_event": CivicEventPageFactory(
            parent=events,
            title="Conferencia de prensa",
            description="<p>Lectura de una nota oficial.</p>",
            place="Explanada de Sacsayhuamán",
        ),
        "discursos_speech": SpeechPageFactory(
            parent=speeches,
            title="Aniversario institucional",
            speaker=Person.objects.create(name="Rosa Quispe Mamani", role=Person.Role.ALCALDE),
            body=[paragraph("<p>Recopilación de los discursos del aniversario.</p>")],
        ),
        "discurso_bulletin": BulletinPageFactory(
            parent=bulletins,
            title="Boletín de junio",
            summary="Incluye el discurso inaugural.",
            pdf=DocumentFactory(file=ContentFile(pdf_bytes(PDF_TEXT), "boletin.pdf")),
        ),
        "draft": NewsPageFactory(parent=news, title="La quena andina", live=False, body=[paragraph(text)]),
        "pending": NewsPageFactory(parent=news, title="Feria artesanal", body=[paragraph(text)]),
        "private": NewsPageFactory(parent=news, title="Comisión de zampoñas", body=[paragraph(text)]),
        "unpublished": NewsPageFactory(parent=news, title="Ensayo del Inti Raymi", body=[paragraph(text)]),
    }
    for name, page in pages.items():
        if name != "draft":
            publish(page)
    pending = pages["pending"]
    pending.title = "Feria del charango"
    pending.save_revision()
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="password", password="clave")
    pages["unpublished"].unpublish()
    refresh_index()
    return pages
