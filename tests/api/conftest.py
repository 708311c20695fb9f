import pytest

from tests.api import purge_backend
from tests.factories import (
    CategoryFactory,
    DocumentFactory,
    ImageFactory,
    NewsPageFactory,
    PersonFactory,
    publish,
)


@pytest.fixture
def news_index(site_tree):
    return site_tree["sections"]["news.NewsIndexPage"]


def rich_body(link_page, document, image):
    """A body with every kind of block, internal links and a document link in rich text."""
    return [
        ("heading", "Ceremonia en la Plaza de Armas"),
        (
            "paragraph",
            f'<p>Ver <a linktype="page" id="{link_page.pk}">la nota</a> y '
            f'<a linktype="document" id="{document.pk}">el acta</a>.</p>',
        ),
        ("image", {"image": image, "alt_text": "El Alcalde en la ceremonia", "decorative": False}),
        ("quote", {"text": "Cusco, capital histórica.", "attribution": "Alcalde"}),
        ("document", document),
        ("video", "https://video.example.org/v/1"),
    ]


@pytest.fixture
def make_news(news_index, django_capture_on_commit_callbacks):
    """make_news(n): n published news with image, categories, people and linked rich text."""

    def make(count, **kwargs):
        category = CategoryFactory(slug="cultura", name="Cultura")
        # Wagtail indexes a snippet's references (the person's photo) in a task run on commit:
        # run it, so that the photo counts as used by the public pages that show the person.
        with django_capture_on_commit_callbacks(execute=True):
            person = PersonFactory(photo=ImageFactory())
        document = DocumentFactory()
        target = publish(NewsPageFactory(parent=news_index, title="Destino del enlace"))
        pages = []
        for _ in range(count):
            page = NewsPageFactory(parent=news_index, body=rich_body(target, document, ImageFactory()), **kwargs)
            page.categories.add(category)
            page.related_people.add(person)
            page.save()
            pages.append(publish(page))
        return pages

    return make


@pytest.fixture
def recording_cdn(settings):
    """A CDN backend that records the URLs it is asked to purge."""
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.api.purge_backend.RecordingBackend"}}
    purge_backend.PURGED.clear()
    yield purge_backend.PURGED
    purge_backend.PURGED.clear()
