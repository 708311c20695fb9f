"""What a page looks like in the API: every public field, ready to render, nothing internal."""

import datetime
import json

from django.utils import timezone
from wagtail.models import Locale

from tests.api.conftest import rich_body
from tests.factories import (
    BulletinPageFactory,
    CivicEventPageFactory,
    DocumentFactory,
    ImageFactory,
    NewsPageFactory,
    PersonFactory,
    SpeechPageFactory,
    publish,
)


def test_detail_is_ready_to_render_with_no_storage_markup(make_news, news_index, client):
    page = make_news(1)[0]
    draft = NewsPageFactory(parent=news_index, live=False)
    image = ImageFactory()
    page.body = [
        *rich_body(page, DocumentFactory(), ImageFactory()),
        ("paragraph", f'<p><a linktype="page" id="{draft.pk}">borrador</a> <a linktype="nope" id="1">x</a></p>'),
        ("paragraph", f'<embed embedtype="image" id="{image.pk}" alt="Foto" format="left"/>'),
        ("paragraph", '<embed embedtype="media" url="https://video.example.org/v/2"/>'),
    ]
    publish(page)
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "linktype=" not in text and "embedtype=" not in text
    body = response.json()["body"]
    assert body[-3]["value"] == "<p><a>borrador</a> <a>x</a></p>"  # draft target: no URL leaks
    assert '<img src="http://testserver/media/images/' in body[-2]["value"] and 'alt="Foto"' in body[-2]["value"]
    assert body[-1]["value"] == '<a href="https://video.example.org/v/2">https://video.example.org/v/2</a>'


def test_news_fields_images_documents_people_and_categories(make_news, client):
    page = make_news(1)[0]
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["meta"]["html_url"] == f"http://localhost:3000/notas-de-prensa/{page.slug}/"
    assert data["meta"]["html_path"] == f"/notas-de-prensa/{page.slug}/"
    assert data["meta"]["detail_url"] == f"http://testserver/api/v2/pages/{page.pk}/"
    assert set(data["main_image"]["renditions"]) == {"thumbnail", "card", "hero", "screen"}
    card = data["main_image"]["renditions"]["card"]
    assert card["url"].startswith("http://testserver/media/") and card["url"].endswith(".webp")
    assert card["alt"] == page.main_image.description and card["width"] > 0 and card["height"] > 0
    stream_image = data["body"][2]["value"]
    assert stream_image["alt"] == "El Alcalde en la ceremonia"
    document = data["body"][4]["value"]
    assert document["type"] == "pdf" and document["size"] > 0 and document["url"].startswith("http://testserver/")
    assert data["categories"] == [{"id": data["categories"][0]["id"], "name": "Cultura", "slug": "cultura"}]
    person = data["related_people"][0]
    assert set(person) == {"id", "name", "role", "position_title", "photo"} and person["photo"]["alt"]
    assert data["body"][1]["value"].startswith('<p>Ver <a href="http://localhost:3000/notas-de-prensa/destino')


def test_every_page_type_shows_its_fields(site_tree, client):
    sections = site_tree["sections"]
    event = publish(CivicEventPageFactory(parent=sections["events.EventIndexPage"], protocol_notes="Clave: 1234"))
    speech = publish(SpeechPageFactory(parent=sections["news.SpeechIndexPage"], occasion=event, pdf=DocumentFactory()))
    bulletin = publish(BulletinPageFactory(parent=sections["news.BulletinIndexPage"], cover_image=ImageFactory()))
    speech_data = client.get(f"/api/v2/pages/{speech.pk}/").json()
    assert speech_data["speaker"]["role"] == "alcalde"
    assert (
        speech_data["occasion"]["id"] == event.pk
        and speech_data["occasion"]["meta"]["type"] == "events.CivicEventPage"
    )
    assert speech_data["pdf"]["type"] == "pdf"
    bulletin_data = client.get(f"/api/v2/pages/{bulletin.pk}/").json()
    assert bulletin_data["kind"] == "boletin" and bulletin_data["pdf"]["url"] and bulletin_data["cover_image"]["id"]
    event_data = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert event_data["place"] == "Plaza de Armas del Cusco" and "status" in event_data


def test_protocol_notes_never_appear(site_tree, client):
    index = site_tree["sections"]["events.EventIndexPage"]
    event = publish(CivicEventPageFactory(parent=index, title="Izamiento", protocol_notes="Clave-interna-XYZ"))
    urls = [
        f"/api/v2/pages/{event.pk}/",
        f"/api/v2/pages/{event.pk}/?fields=*",
        "/api/v2/pages/?type=events.CivicEventPage&fields=*",
        "/api/v2/pages/?fields=*",
        f"/api/v2/resolve/?path=/calendario-civico/{event.slug}/",
        "/api/v2/pages/?type=events.CivicEventPage&search=Izamiento&fields=*",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert (
            "protocol_notes" not in response.content.decode() and "Clave-interna-XYZ" not in response.content.decode()
        )
    assert client.get(f"/api/v2/pages/{event.pk}/?fields=protocol_notes").status_code == 400
    assert client.get("/api/v2/pages/?type=events.CivicEventPage&protocol_notes=x").status_code == 400


def test_resolve_finds_pages_by_public_path_with_locale_prefix(translated_site_tree, news_index, client):
    page = publish(NewsPageFactory(parent=news_index, slug="fiesta"))
    qu = Locale.objects.get(language_code="qu")
    translated_index = news_index.get_translation(qu)  # bootstrap translates the home page and sections
    qu_page = publish(NewsPageFactory(parent=translated_index, slug="raymi", locale=qu))
    data = client.get("/api/v2/resolve/?path=/notas-de-prensa/fiesta/").json()
    assert data["id"] == page.pk and data["body"]
    qu_data = client.get("/api/v2/resolve/?path=/qu/notas-de-prensa/raymi/").json()
    assert qu_data["id"] == qu_page.pk and qu_data["meta"]["locale"] == "qu"
    assert qu_data["meta"]["html_url"] == "http://localhost:3000/qu/notas-de-prensa/raymi/"
    assert client.get("/api/v2/resolve/?path=/").json()["meta"]["type"] == "home.HomePage"
    missing = client.get("/api/v2/resolve/?path=/qu/notas-de-prensa/fiesta/")
    assert missing.status_code == 404 and "message" in missing.json()
    listing = client.get("/api/v2/pages/?type=news.NewsPage&locale=qu").json()
    assert [item["id"] for item in listing["items"]] == [qu_page.pk]


def test_filters_category_dates_speaker_kind_order_search(make_news, site_tree, client):
    news = make_news(2)
    today = timezone.localdate()
    old = publish(
        NewsPageFactory(
            parent=site_tree["sections"]["news.NewsIndexPage"],
            title="Antigua nota",
            date=timezone.now() - datetime.timedelta(days=40),
        )
    )
    ids = lambda url: [item["id"] for item in client.get(url).json()["items"]]  # noqa: E731
    assert set(ids("/api/v2/pages/?type=news.NewsPage&category=cultura")) == {p.pk for p in news}
    assert ids("/api/v2/pages/?type=news.NewsPage&category=deportes") == []
    since = (today - datetime.timedelta(days=1)).isoformat()
    assert old.pk not in ids(f"/api/v2/pages/?type=news.NewsPage&date_from={since}")
    until = (today - datetime.timedelta(days=30)).isoformat()
    assert ids(f"/api/v2/pages/?type=news.NewsPage&date_to={until}") == [old.pk]
    assert ids("/api/v2/pages/?type=news.NewsPage&order=date")[0] == old.pk
    assert ids("/api/v2/pages/?type=news.NewsPage")[-1] == old.pk  # newest first by default
    assert ids("/api/v2/pages/?type=news.NewsPage&search=Antigua") == [old.pk]
    speaker = PersonFactory()
    speech = publish(SpeechPageFactory(parent=site_tree["sections"]["news.SpeechIndexPage"], speaker=speaker))
    publish(SpeechPageFactory(parent=site_tree["sections"]["news.SpeechIndexPage"]))
    assert ids(f"/api/v2/pages/?type=news.SpeechPage&speaker={speaker.pk}") == [speech.pk]
    magazine = publish(BulletinPageFactory(parent=site_tree["sections"]["news.BulletinIndexPage"], kind="revista"))
    publish(BulletinPageFactory(parent=site_tree["sections"]["news.BulletinIndexPage"]))
    assert ids("/api/v2/pages/?type=news.BulletinPage&kind=revista") == [magazine.pk]
    assert len(ids("/api/v2/pages/?type=news.NewsPage&limit=2")) == 2
    children = ids(f"/api/v2/pages/?child_of={site_tree['sections']['news.BulletinIndexPage'].pk}")
    assert magazine.pk in children and len(children) == 2


def test_listing_json_is_plain_json(make_news, client):
    make_news(1)
    response = client.get("/api/v2/pages/")
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["meta"]["total_count"] >= 1
