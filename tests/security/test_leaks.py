"""The leak matrix: every public endpoint × every non-public state, asserting absence.

Each state builds content whose only trace is a unique word (in a title, a file name, a
PDF's text); every public URL is then fetched and must not contain it, and the id-based
URLs of the hidden objects must answer 404. A public baseline (a live note, an activity and
a screen) is built too, so an endpoint that answers nothing at all would fail the
baseline check instead of passing vacuously. Runs on SQLite and on PostgreSQL
(DATABASE_URL), like the rest of the suite.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from publishing.models import OutboxEvent, WebhookEndpoint
from screens.models import Alert
from tests.factories import (
    AlertFactory,
    BulletinPageFactory,
    CivicEventPageFactory,
    DocumentFactory,
    ImageFactory,
    NewsPageFactory,
    ScreenFactory,
    pdf_bytes,
    png_bytes,
    publish,
)
from tests.security.states import STATES, Hidden

pytestmark = pytest.mark.django_db


def public_urls(screen, hidden):
    today = timezone.localdate()
    window = f"from={today - datetime.timedelta(days=30)}&to={today + datetime.timedelta(days=60)}"
    urls = [
        "/api/v2/pages/?limit=50",
        "/api/v2/pages/?limit=50&fields=*&type=news.NewsPage",
        "/api/v2/pages/?limit=50&fields=*&type=news.BulletinPage",
        "/api/v2/pages/?limit=50&fields=*&type=events.CivicEventPage",
        "/api/v2/images/?limit=50",
        "/api/v2/documents/?limit=50",
        f"/api/v2/calendar/?{window}",
        "/api/v2/calendar.ics",
        f"/api/v2/screens/{screen.slug}/",
        "/feeds/noticias/",
    ]
    for word in hidden.words:
        urls += [
            f"/api/v2/pages/?search={word}",
            f"/api/v2/images/?search={word}",
            f"/api/v2/documents/?search={word}",
        ]
    return urls


@pytest.fixture
def baseline(site_tree):
    """Public content of every kind, so each endpoint has something to show."""
    sections = site_tree["sections"]
    image = ImageFactory(title="Foto pública")
    note = publish(NewsPageFactory(parent=sections["news.NewsIndexPage"], title="Nota pública", main_image=image))
    note.show_on_screens = True
    publish(note)
    bulletin = publish(BulletinPageFactory(parent=sections["news.BulletinIndexPage"], title="Boletín público"))
    event = CivicEventPageFactory(parent=sections["events.EventIndexPage"], title="Actividad pública")
    event.show_on_screens = True
    publish(event)
    AlertFactory(title="Alerta pública")
    return {"note": note, "bulletin": bulletin, "event": event, "image": image, "screen": ScreenFactory()}


@pytest.fixture
def receiver(db):
    return WebhookEndpoint.objects.create(name="Sitio web", url="http://127.0.0.1:9/hook")


def test_baseline_is_visible_on_every_endpoint(baseline, client):
    """The matrix below means something only if each endpoint shows public content."""
    expected = {
        "/api/v2/pages/?limit=50&fields=*&type=news.NewsPage": "Nota pública",
        "/api/v2/pages/?limit=50&fields=*&type=news.BulletinPage": "Boletín público",
        "/api/v2/pages/?limit=50&fields=*&type=events.CivicEventPage": "Actividad pública",
        "/api/v2/images/?limit=50": "Foto pública",
        "/api/v2/documents/?limit=50": baseline["bulletin"].pdf.title,
        "/api/v2/calendar.ics": "Actividad pública",
        f"/api/v2/screens/{baseline['screen'].slug}/": "Alerta pública",
        "/feeds/noticias/": "Nota pública",
    }
    for url, text in expected.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
    feed = client.get(f"/api/v2/screens/{baseline['screen'].slug}/").json()
    assert {slide["headline"] for slide in feed["slides"]} == {"Nota pública", "Actividad pública"}
    assert feed["slides"][0]["image"] or feed["slides"][1]["image"]
    rss = client.get("/feeds/noticias/").content.decode()
    assert "<enclosure" in rss


@pytest.mark.parametrize("state", sorted(STATES))
def test_non_public_state_is_absent_everywhere(state, baseline, receiver, site_tree, client):
    hidden = STATES[state](site_tree, baseline)
    assert isinstance(hidden, Hidden)
    for url in public_urls(baseline["screen"], hidden):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for word in hidden.words:
            assert word not in body, f"{state}: {word!r} leaks through {url}"
    for url in hidden.gone_urls():
        response = client.get(url)
        # Wagtail sends a private collection's file URL to the login page: no content either.
        to_login = response.status_code == 302 and "/login/" in response["Location"]
        assert response.status_code in (404, 410) or to_login, f"{state}: {url} answers {response.status_code}"
    for page in hidden.pages if hidden.announced else []:
        events = list(OutboxEvent.objects.filter(object_id=str(page.pk)).order_by("created_at"))
        assert not events or events[-1].event != "published", f"{state}: the website was told {page} is live"
    assert set(Alert.objects.filter(live=True).values_list("title", flat=True)) >= {"Alerta pública"}


def test_states_cover_the_issue(db):
    """The states the issue names; add new non-public states to tests/security/states.py."""
    required = {
        "draft",
        "newer draft",
        "scheduled",
        "expired (worker not run)",
        "password restricted",
        "login restricted",
        "group restricted",
        "ancestor restricted",
        "restricted after publishing",
        "withdrawn",
        "alert in moderation",
        "alert newer draft",
        "alert expired",
        "private collection image",
        "private collection pdf",
        "draft-only image",
        "draft-only document",
    }
    assert required <= set(STATES)


def test_a_used_image_becomes_public_only_when_its_page_is_published(
    site_tree, client, django_capture_on_commit_callbacks
):
    """Uploads are private until published content uses them (the embargoed photo)."""
    photo = ImageFactory(title="Foto embargada", file=ContentFile(png_bytes(), name="embargo.png"))
    document = DocumentFactory(title="Acta embargada", file=ContentFile(pdf_bytes("Acta"), name="acta.pdf"))
    page = NewsPageFactory(
        parent=site_tree["sections"]["news.NewsIndexPage"],
        main_image=photo,
        body=[("document", document)],
        live=False,
    )
    page.save_revision()
    assert client.get(f"/api/v2/images/{photo.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    assert client.get(document.url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert client.get(f"/api/v2/images/{photo.pk}/").status_code == 200
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 200
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get(f"/api/v2/images/{photo.pk}/").status_code == 404
    assert client.get(document.url).status_code == 404


def test_restricting_a_collection_removes_pdf_text_from_search(site_tree, client, django_capture_on_commit_callbacks):
    word = "Qollqampata"
    document = DocumentFactory(file=ContentFile(pdf_bytes(f"Informe {word}"), name="informe.pdf"))
    bulletin = publish(BulletinPageFactory(parent=site_tree["sections"]["news.BulletinIndexPage"], pdf=document))
    found = client.get(f"/api/v2/pages/?search={word}").json()
    assert [item["id"] for item in found["items"]] == [bulletin.pk]
    collection = Collection.get_first_root_node().add_child(name="Reservada")
    document.collection = collection
    document.save()
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    found = client.get(f"/api/v2/pages/?search={word}").json()
    assert found == {"meta": {"total_count": 0}, "items": []}
    assert client.get(f"/api/v2/pages/{bulletin.pk}/").json()["pdf"] is None


def test_restriction_added_and_removed_announces_and_purges(
    site_tree, receiver, recording_cdn, django_capture_on_commit_callbacks
):
    note = publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"]))
    recording_cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=note, restriction_type="login")
    events = list(OutboxEvent.objects.filter(object_id=str(note.pk)).order_by("created_at"))
    assert [event.event for event in events] == ["published", "unpublished"]
    assert '"reason":"restricted"' in events[-1].body
    assert any(url.endswith(f"/api/v2/pages/{note.pk}/") for url in recording_cdn)
    recording_cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    events = list(OutboxEvent.objects.filter(object_id=str(note.pk)).order_by("created_at"))
    assert [event.event for event in events] == ["published", "unpublished", "published"]
    assert any(url.endswith(f"/api/v2/pages/{note.pk}/") for url in recording_cdn)


def test_restricting_an_already_private_subtree_announces_nothing(site_tree, receiver):
    section = site_tree["sections"]["news.NewsIndexPage"]
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    note = publish(NewsPageFactory(parent=section))
    PageViewRestriction.objects.create(page=note, restriction_type="password", password="x")
    assert not OutboxEvent.objects.filter(object_id=str(note.pk)).exists()
