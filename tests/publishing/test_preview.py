"""Draft preview round trip: admin preview → website URL with a token → /api/v2/preview/ JSON."""

import datetime
import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.core.signing import TimestampSigner
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsPage

DRAFT = {
    "title": "Feria gastronómica (borrador)",
    "date": "2026-03-02 09:00",
    "lead": "Bajada del borrador, aún sin aprobar.",
    "body": streamfield([("paragraph", rich_text("<p>Texto del borrador.</p>"))]),
    "comments": inline_formset([]),
}


def admin_preview(client, url, data):
    """What the editor's "Preview" does: post the form, open the preview; returns the iframe's URL."""
    assert client.post(url, nested_form_data(data)).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(re.search(r'<iframe src="([^"]+)"', response.content.decode()).group(1))


def website_fetch(client, preview_url):
    """What the website does with the URL it was opened with."""
    query = parse_qs(urlsplit(preview_url).query)
    return client.get("/api/v2/preview/", {"content_type": query["content_type"][0], "token": query["token"][0]})


@pytest.fixture
def editor_client(client, redactor):
    client.force_login(redactor)
    return client


def test_editing_preview_round_trip_returns_the_draft_in_the_public_detail_shape(editor_client, live_news, settings):
    preview_url = admin_preview(
        editor_client, f"/admin/pages/{live_news.pk}/edit/preview/", {**DRAFT, "slug": live_news.slug}
    )
    assert preview_url.startswith(settings.PREVIEW_URL.rstrip("/") + "/?")
    assert "content_type=news.newspage" in preview_url

    editor_client.logout()  # the website is anonymous: the token is the only credential
    response = website_fetch(editor_client, preview_url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    draft = response.json()
    assert draft["title"] == DRAFT["title"]
    assert draft["lead"] == DRAFT["lead"]
    assert "Texto del borrador." in draft["body"][0]["value"]

    public = editor_client.get(f"/api/v2/pages/{live_news.pk}/").json()
    assert public["title"] == "Feria gastronómica"  # the live page is untouched
    assert set(draft) == set(public)
    assert set(draft["meta"]) == set(public["meta"])
    assert draft["id"] == public["id"]


def test_a_page_not_yet_saved_can_be_previewed(editor_client, news_index):
    preview_url = admin_preview(
        editor_client,
        f"/admin/pages/add/news/newspage/{news_index.pk}/preview/",
        {**DRAFT, "title": "Nota nueva", "slug": "nota-nueva"},
    )
    response = website_fetch(editor_client, preview_url)
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["title"], body["meta"]["detail_url"]) == (None, "Nota nueva", None)
    assert body["meta"]["parent"]["id"] == news_index.pk
    assert not NewsPage.objects.filter(slug="nota-nueva").exists()


def test_forged_expired_and_malformed_tokens_get_a_4xx_json(editor_client, live_news, settings):
    settings.PUBLISHING_PREVIEW_MAX_AGE = 300
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        preview_url = admin_preview(
            editor_client, f"/admin/pages/{live_news.pk}/edit/preview/", {**DRAFT, "slug": live_news.slug}
        )
        token = parse_qs(urlsplit(preview_url).query)["token"][0]
        assert website_fetch(editor_client, preview_url).status_code == 200

    def fetch(content_type="news.newspage", token=token):
        return editor_client.get("/api/v2/preview/", {"content_type": content_type, "token": token})

    with time_machine.travel(start + datetime.timedelta(seconds=301), tick=False):
        expired = fetch()
    forged_signature = fetch(token=token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB"))
    other_key = fetch(
        token=TimestampSigner(key="not-our-secret", salt="headlesspreview.token").sign(f"id={live_news.pk}")
    )
    with time_machine.travel(start + datetime.timedelta(seconds=60), tick=False):
        wrong_type = fetch(content_type="news.speechpage")
        unknown_type = fetch(content_type="news.nosuchpage")
        not_a_page = fetch(content_type="screens.alert")
    missing = editor_client.get("/api/v2/preview/", {"token": token})

    for response, status in [
        (expired, 403),
        (forged_signature, 403),
        (other_key, 403),
        (wrong_type, 404),
        (unknown_type, 400),
        (not_a_page, 400),
        (missing, 400),
    ]:
        assert response.status_code == status
        assert response["Content-Type"] == "application/json"
        assert response.json()["message"]
    assert "expir" in expired.json()["message"]
