"""The OpenAPI document tells clients about the refusals this issue added: 429 with Retry-After on
every rate-limited operation, 503 with Retry-After on every one that needs the database."""

import pytest
from django.test import override_settings

from cms.ratelimit import PREFIXES

pytestmark = pytest.mark.django_db


def test_every_rate_limited_operation_documents_429_and_every_database_one_503(client):
    schema = client.get("/api/schema/").json()
    shared = schema["components"]["responses"]
    seen = 0
    for path, method, responses in (
        (path, method, operation["responses"])
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ):
        if path.startswith(PREFIXES):
            assert "429" in responses, (path, method)
            seen += 1
        if path not in ("/healthz", "/api/docs/", "/api/schema/"):
            assert "503" in responses, (path, method)
    assert seen >= 15
    for name in ("TooManyRequests", "ServiceUnavailable"):
        assert "Retry-After" in shared[name]["headers"]
        assert shared[name]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}


@override_settings(API_RATE_LIMIT=2, API_RATE_LIMIT_WINDOW=60)
def test_a_real_429_is_what_the_document_says(client):
    for _ in range(2):
        assert client.get("/api/v2/pages/").status_code == 200
    response = client.get("/api/v2/pages/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert set(response.json()) == {"message"}  # the Error schema
