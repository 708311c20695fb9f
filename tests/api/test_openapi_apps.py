"""The apps' own public endpoints (calendar, ICS, screens, preview, RSS) are in /api/schema/,
and what they really answer (bodies, errors, headers, 304) matches what it documents."""

import datetime

import jsonschema_rs
import pytest
from django.urls import reverse
from django.utils import timezone

from cms.api.schema.builder import build_schema
from tests.factories import CivicEventPageFactory, ScreenFactory, publish

APP_PATHS = ("/api/v2/calendar/", "/api/v2/calendar.ics", "/api/v2/screens/{slug}/", "/api/v2/preview/")


@pytest.fixture
def schema(db):
    return build_schema()


@pytest.fixture
def check(schema):
    """check(response, path): the response's status, content type, headers and body as documented."""

    def run(response, path):
        documented = schema["paths"][path]["get"]["responses"]
        assert str(response.status_code) in documented, (path, response.status_code)
        spec = documented[str(response.status_code)]
        if "$ref" in spec:
            spec = schema["components"]["responses"][spec["$ref"].rsplit("/", 1)[1]]
        for name, header in spec.get("headers", {}).items():
            header = schema["components"]["headers"].get(header.get("$ref", "").rsplit("/", 1)[-1], header)
            if header.get("required"):
                assert response.has_header(name), (path, name)
        if response.status_code == 304:
            assert response.content == b"" and response["ETag"]
            return
        media_type = response["Content-Type"].split(";")[0]
        assert media_type in spec["content"], (path, media_type)
        if media_type == "application/json":
            validator = jsonschema_rs.Draft202012Validator({**schema, **spec["content"][media_type]["schema"]})
            errors = [f"{e.instance_path}: {e.message}" for e in validator.iter_errors(response.json())]
            assert not errors, errors[:5]

    return run


def test_every_public_endpoint_of_the_apps_is_documented(schema):
    for path in (*APP_PATHS, "/feeds/noticias/"):
        assert path in schema["paths"], path
        assert schema["paths"][path]["get"]["tags"], path
    calendar = {p["name"]: p for p in schema["paths"]["/api/v2/calendar/"]["get"]["parameters"]}
    assert set(calendar) == {"from", "to", "type", "locale"}
    assert calendar["from"]["required"] and calendar["to"]["required"]


def test_calendar_and_ics_answer_as_documented(site_tree, client, check):
    start = timezone.now() + datetime.timedelta(days=2)
    publish(
        CivicEventPageFactory(
            parent=site_tree["sections"]["events.EventIndexPage"],
            start=start,
            end=start + datetime.timedelta(hours=1),
            recurrence="FREQ=WEEKLY;COUNT=3",
        )
    )
    first, last = timezone.localdate(), timezone.localdate() + datetime.timedelta(days=30)
    url = f"/api/v2/calendar/?from={first}&to={last}"
    response = client.get(url)
    assert len(response.json()["items"]) == 3
    check(response, "/api/v2/calendar/")
    check(client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]), "/api/v2/calendar/")
    for bad in ("?from=2026-13-01&to=2026-12-01", "?from=2026-01-01", "?from=2026-01-01&to=2026-01-02&x=1"):
        check(client.get("/api/v2/calendar/" + bad), "/api/v2/calendar/")
    ics = client.get("/api/v2/calendar.ics")
    assert ics.content.startswith(b"BEGIN:VCALENDAR")
    check(ics, "/api/v2/calendar.ics")
    check(client.get("/api/v2/calendar.ics?type=nada"), "/api/v2/calendar.ics")


def test_a_validator_built_from_the_calendar_schema_rejects_a_broken_item(schema):
    validator = jsonschema_rs.Draft202012Validator({**schema, "$ref": "#/components/schemas/CalendarOccurrence"})
    assert not validator.is_valid({"event_id": 1})
    assert not validator.is_valid({"protocol_notes": "x"})


def test_screen_feed_answers_as_documented(site_tree, client, check):
    screen = ScreenFactory()
    start = timezone.now() + datetime.timedelta(hours=1)
    publish(
        CivicEventPageFactory(
            parent=site_tree["sections"]["events.EventIndexPage"],
            start=start,
            end=start + datetime.timedelta(hours=1),
            show_on_screens=True,
        )
    )
    url = f"/api/v2/screens/{screen.slug}/"
    response = client.get(url)
    assert [slide["type"] for slide in response.json()["slides"]] == ["event"]
    check(response, "/api/v2/screens/{slug}/")
    check(client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]), "/api/v2/screens/{slug}/")
    check(client.get(url + "?x=1"), "/api/v2/screens/{slug}/")
    check(client.get("/api/v2/screens/no-existe/"), "/api/v2/screens/{slug}/")


def test_preview_errors_answer_as_documented(db, client, check):
    for query in (
        "",
        "?content_type=news.newspage",
        "?content_type=x.y&token=t",
        "?content_type=news.newspage&token=t",
    ):
        response = client.get(reverse("api_preview") + query)
        assert response.status_code in (400, 403) and "no-store" in response["Cache-Control"]
        check(response, "/api/v2/preview/")


def test_rss_answers_as_documented(site_tree, client, check):
    response = client.get("/feeds/noticias/")
    assert response.status_code == 200
    check(response, "/feeds/noticias/")
    check(client.get("/feeds/noticias/", HTTP_IF_NONE_MATCH=response["ETag"]), "/feeds/noticias/")


def test_a_page_body_always_keeps_its_id_and_type(make_news, client, schema):
    page = make_news(1)[0]
    validator = jsonschema_rs.Draft202012Validator({**schema, "$ref": "#/components/schemas/news.NewsPage"})
    for fields in ("_", "-id", "-id,-type,-detail_url"):
        body = client.get(f"/api/v2/pages/{page.pk}/?fields={fields}").json()
        assert body.get("id") == page.pk and body["meta"]["type"] == "news.NewsPage", (fields, body)
        assert validator.is_valid(body), fields
    resolved = client.get(f"/api/v2/resolve/?path=/notas-de-prensa/{page.slug}/&fields=_").json()
    assert resolved == {"id": page.pk, "meta": {"type": "news.NewsPage"}}
