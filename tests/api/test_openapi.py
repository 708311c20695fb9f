"""The OpenAPI document: complete, honest (real responses validate), and kept in a snapshot.

When the API changes on purpose, refresh the snapshot and review its diff:

    DJANGO_SETTINGS_MODULE=settings.test python manage.py api_schema > tests/api/openapi.snapshot.json
"""

import json
from pathlib import Path

import jsonschema_rs
import pytest
from django.contrib.staticfiles import finders

from cms.api.schema import registry
from cms.api.schema.builder import build_schema
from tests.factories import BulletinPageFactory, CivicEventPageFactory, SpeechPageFactory, publish

SNAPSHOT = Path(__file__).parent / "openapi.snapshot.json"


def test_live_schema_matches_the_committed_snapshot(db, client):
    response = client.get("/api/schema/")
    assert response.status_code == 200 and response["ETag"]
    assert response.json() == json.loads(SNAPSHOT.read_text()), "schema changed: refresh the snapshot (see docstring)"


def test_schema_describes_every_public_endpoint_and_page_type(db):
    schema = build_schema()
    assert schema["openapi"] == "3.1.0"
    for path in (
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
        "/api/v2/images/",
        "/api/v2/images/{id}/",
        "/api/v2/documents/",
        "/api/v2/documents/{id}/",
        "/api/v2/resolve/",
        "/api/schema/",
        "/api/docs/",
        "/healthz",
        "/readyz",
    ):
        assert path in schema["paths"], path
    components = schema["components"]["schemas"]
    for label in ("home.HomePage", "news.NewsPage", "news.SpeechPage", "news.BulletinPage", "events.CivicEventPage"):
        assert components[label]["additionalProperties"] is False
    assert "protocol_notes" not in json.dumps(schema)
    params = {p["name"] for p in schema["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert {
        "type",
        "locale",
        "category",
        "date_from",
        "date_to",
        "speaker",
        "kind",
        "search",
        "order",
        "limit",
    } <= params


def test_other_apps_can_add_their_endpoints(db):
    operation = {"get": {"summary": "Calendario", "responses": {"200": {"description": "ok"}}}}
    # A path no app registers: the real registrations (e.g. the calendar's) stay untouched.
    registry.register_openapi(paths={"/api/v2/example/": operation}, components={"Occurrence": {"type": "object"}})
    try:
        schema = build_schema()
        assert schema["paths"]["/api/v2/example/"] == operation
        assert schema["components"]["schemas"]["Occurrence"] == {"type": "object"}
    finally:
        registry._paths.pop("/api/v2/example/")
        registry._components.pop("Occurrence")


@pytest.fixture
def validate(db):
    schema = build_schema()

    def check(instance, target):
        validator = jsonschema_rs.Draft202012Validator({**schema, **target})
        errors = [f"{error.instance_path}: {error.message}" for error in validator.iter_errors(instance)]
        assert not errors, errors[:5]
        return validator

    return check


def test_real_responses_validate_against_the_schema(make_news, site_tree, client, validate):
    sections = site_tree["sections"]
    event = publish(CivicEventPageFactory(parent=sections["events.EventIndexPage"]))
    publish(SpeechPageFactory(parent=sections["news.SpeechIndexPage"], occasion=event))
    publish(BulletinPageFactory(parent=sections["news.BulletinIndexPage"]))
    news = make_news(2)
    paths = build_schema()["paths"]
    ok = lambda path: paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]  # noqa: E731
    for url in ("/api/v2/pages/", "/api/v2/pages/?fields=*", "/api/v2/pages/?type=news.NewsPage&fields=*"):
        validate(client.get(url).json(), ok("/api/v2/pages/"))
    for item in client.get("/api/v2/pages/?limit=50").json()["items"]:
        validate(client.get(f"/api/v2/pages/{item['id']}/").json(), ok("/api/v2/pages/{id}/"))
    validate(client.get(f"/api/v2/resolve/?path=/notas-de-prensa/{news[0].slug}/").json(), ok("/api/v2/resolve/"))
    validate(client.get("/api/v2/images/").json(), ok("/api/v2/images/"))
    validate(client.get("/api/v2/documents/").json(), ok("/api/v2/documents/"))
    validator = validate(client.get("/api/v2/pages/?limit=-1").json(), {"$ref": "#/components/schemas/Error"})
    validate(client.get("/api/v2/pages/?limit=0").json(), ok("/api/v2/pages/"))
    validate(client.get("/api/v2/images/?fields=_,title").json(), ok("/api/v2/images/"))
    selected = client.get(f"/api/v2/pages/{news[0].pk}/?fields=main_image(width,tags)").json()
    validate(selected, ok("/api/v2/pages/{id}/"))
    assert not validator.is_valid({"message": 1})  # the validator does reject what breaks the schema
    page_validator = validate(client.get(f"/api/v2/pages/{news[0].pk}/").json(), ok("/api/v2/pages/{id}/"))
    leaked = {**client.get(f"/api/v2/pages/{event.pk}/").json(), "protocol_notes": "x"}
    assert not page_validator.is_valid(leaked)


def test_docs_page_is_served_from_our_static_files(db, client):
    response = client.get("/api/docs/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    for asset in ("cms/api-docs/docs.js", "cms/api-docs/docs.css"):
        assert f"/static/{asset}" in html and finders.find(asset)
    assert "http://" not in html and "https://" not in html and "//" not in html.replace("<!doctype", "")
