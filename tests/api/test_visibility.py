"""Only live, public content, on every endpoint: listing, detail, resolve and search."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import DocumentFactory, ImageFactory, NewsPageFactory, SpeechPageFactory, publish

SECRET = "Zqxjv"  # a word in every hidden page's title, to search for


def page_is_hidden(client, page):
    page_path = page.url_path.removeprefix("/inicio")
    listings = [
        "/api/v2/pages/?limit=50",
        f"/api/v2/pages/?type={page.specific_class._meta.label}&limit=50&fields=*",
        f"/api/v2/pages/?search={SECRET}",
        f"/api/v2/pages/?type={page.specific_class._meta.label}&search={SECRET}",
    ]
    for url in listings:
        response = client.get(url)
        assert response.status_code == 200, url
        assert page.pk not in [item["id"] for item in response.json()["items"]], url
        assert SECRET not in response.content.decode(), url
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v2/resolve/?path={page_path}").status_code == 404
    return True


@pytest.fixture
def hidden_pages(site_tree, news_index):
    now = timezone.now()
    make = lambda **kwargs: NewsPageFactory(parent=news_index, title=f"{SECRET} {kwargs.pop('name')}", **kwargs)  # noqa: E731
    unpublished = publish(make(name="retirada"))
    unpublished.unpublish()
    expired = publish(make(name="vencida"))
    NewsPageFactory._meta.model.objects.filter(pk=expired.pk).update(expire_at=now - datetime.timedelta(minutes=1))
    not_yet = make(name="programada", live=False, go_live_at=now + datetime.timedelta(days=1))
    not_yet.save_revision().publish()  # scheduled: stays unpublished until the worker runs
    forced = publish(make(name="adelantada"))
    NewsPageFactory._meta.model.objects.filter(pk=forced.pk).update(go_live_at=now + datetime.timedelta(days=1))
    restricted = publish(make(name="con clave"))
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="clave")
    speeches = site_tree["sections"]["news.SpeechIndexPage"]
    PageViewRestriction.objects.create(page=speeches, restriction_type="login")
    child = publish(SpeechPageFactory(parent=speeches, title=f"{SECRET} discurso"))
    draft = make(name="borrador", live=False)
    return {
        "draft": draft,
        "unpublished": unpublished,
        "expired": expired,
        "not yet live (scheduled)": not_yet,
        "not yet live (go_live_at ahead)": forced,
        "view-restricted": restricted,
        "child of view-restricted": child,
        "view-restricted section": speeches,
    }


def test_non_public_pages_are_absent_everywhere(hidden_pages, news_index, client):
    visible = publish(NewsPageFactory(parent=news_index, title="Nota pública"))
    assert client.get(f"/api/v2/pages/{visible.pk}/").status_code == 200
    for kind, page in hidden_pages.items():
        page.refresh_from_db()
        assert page_is_hidden(client, page), kind
    listing = client.get("/api/v2/pages/?type=news.NewsPage").json()
    assert [item["id"] for item in listing["items"]] == [visible.pk]
    assert listing["meta"]["total_count"] == 1


def test_links_to_non_public_pages_have_no_url(hidden_pages, news_index, client):
    links = "".join(f'<a linktype="page" id="{page.pk}">x</a>' for page in hidden_pages.values())
    page = publish(NewsPageFactory(parent=news_index, body=[("paragraph", f"<p>{links}</p>")]))
    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]
    assert body[0]["value"] == "<p>" + "<a>x</a>" * len(hidden_pages) + "</p>"


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Privada")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def test_images_and_documents_in_private_collections_are_absent(private_collection, news_index, client):
    private_image = ImageFactory(collection=private_collection)
    private_document = DocumentFactory(collection=private_collection)
    nested = Collection.objects.get(pk=private_collection.pk).add_child(name="Dentro de la privada")
    nested_image = ImageFactory(collection=nested)
    public_image = ImageFactory()
    page = publish(
        NewsPageFactory(
            parent=news_index,
            main_image=private_image,
            body=[
                ("image", {"image": nested_image, "alt_text": "x", "decorative": False}),
                ("document", private_document),
                ("paragraph", f'<p><a linktype="document" id="{private_document.pk}">acta</a></p>'),
                ("paragraph", f'<embed embedtype="image" id="{private_image.pk}" alt="x" format="left"/>'),
                ("image", {"image": public_image, "alt_text": "y", "decorative": False}),
            ],
        )
    )
    images = [item["id"] for item in client.get("/api/v2/images/?limit=50").json()["items"]]
    assert public_image.pk in images and private_image.pk not in images and nested_image.pk not in images
    assert client.get(f"/api/v2/images/{private_image.pk}/").status_code == 404
    assert client.get(f"/api/v2/images/{nested_image.pk}/").status_code == 404
    documents = [item["id"] for item in client.get("/api/v2/documents/").json()["items"]]
    assert private_document.pk not in documents
    assert client.get(f"/api/v2/documents/{private_document.pk}/").status_code == 404
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["main_image"] is None
    assert [block["value"] for block in data["body"]][:4] == [None, None, "<p><a>acta</a></p>", ""]
    assert data["body"][4]["value"]["id"] == public_image.pk
    assert client.get(f"/api/v2/images/?search={private_image.title}").json()["items"] == []
