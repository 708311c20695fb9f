"""POST /api/v2/interview-requests/: the only public write, validated, throttled, never read back."""

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from cms.models import Person
from media_relations.models import InterviewRequest
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
URL = "/api/v2/interview-requests/"
TOPIC = "Tema-Zqxjv sobre el plan de movilidad"


@pytest.fixture
def mayor(db):
    return PersonFactory(name="Alcalde de Prueba", role=Person.Role.ALCALDE)


def valid(mayor, **changes):
    soon = timezone.localtime() + dt.timedelta(days=3)
    body = {
        "outlet": "Ejemplo Noticias Cusco",
        "journalist": "Ana Ejemplo Quispe",
        "email": "ana@noticias.example.org",
        "phone": "+51 984 000 000",
        "person": mayor.pk,
        "topic": TOPIC,
        "proposed_dates": [soon.replace(microsecond=0).isoformat(), (soon + dt.timedelta(days=1)).isoformat()],
        "channel": "estudio",
    }
    body.update(changes)
    return body


def post(client, body, **extra):
    return client.post(URL, data=json.dumps(body), content_type="application/json", **extra)


def test_valid_request_is_recorded_with_a_reference(client, mayor):
    response = post(client, valid(mayor))
    assert response.status_code == 201, response.content
    data = response.json()
    interview = InterviewRequest.objects.get()
    assert data["reference"] == interview.reference
    assert interview.reference == f"ENT-{timezone.localtime().year}-{interview.pk:05d}"
    assert data["status"] == "recibida" and data["message"]
    assert response["Cache-Control"] == "no-store"
    assert interview.source == InterviewRequest.Source.WEBSITE
    assert interview.person == mayor and interview.channel == "estudio" and interview.topic == TOPIC
    assert len(interview.proposed_dates.splitlines()) == 2


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"outlet": ""}, "outlet", "necesario"),
        ({"journalist": None}, "journalist", "texto"),
        ({"email": "no-es-correo"}, "email", "correo"),
        ({"person": 999999}, "person", "No existe"),
        ({"person": "1"}, "person", "id"),
        ({"topic": "x" * 2001}, "topic", "2000"),
        ({"proposed_dates": []}, "proposed_dates", "lista"),
        ({"proposed_dates": ["mañana"]}, "proposed_dates", "no válida"),
        ({"proposed_dates": ["2027-01-01T12:99:00Z"]}, "proposed_dates", "no válida"),  # schemathesis: was a 500
        ({"proposed_dates": ["2001-01-01T10:00:00-05:00"]}, "proposed_dates", "pasó"),
        ({"channel": "fax"}, "channel", "estudio"),
        ({"nickname": "x"}, "nickname", "desconocido"),
    ],
)
def test_invalid_field_answers_400_with_that_field(client, mayor, changes, field, words):
    response = post(client, valid(mayor, **changes))
    assert response.status_code == 400
    body = response.json()
    assert body["message"]
    assert list(body["errors"]) == [field], body
    assert words in " ".join(body["errors"][field])
    assert not InterviewRequest.objects.exists()  # never a half-written record


def test_missing_fields_are_each_named(client, mayor):
    response = post(client, {})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {
        "outlet",
        "journalist",
        "email",
        "person",
        "topic",
        "proposed_dates",
        "channel",
    }


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        ("{no es json", "application/json", 400),
        ("[1, 2]", "application/json", 400),
        ("outlet=x", "application/x-www-form-urlencoded", 415),
    ],
)
def test_bad_bodies_get_a_json_message(client, data, content_type, status):
    response = client.post(URL, data=data, content_type=content_type)
    assert response.status_code == status
    assert response.json()["message"]


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_no_other_method_reads_or_writes(client, mayor, method):
    post(client, valid(mayor))
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response.json()["message"]
    assert "POST" in response["Allow"] and "GET" not in response["Allow"]
    assert TOPIC not in response.content.decode()


@override_settings(INTERVIEW_REQUESTS_RATE="2/min")
def test_throttled_per_client_with_retry_after(client, mayor):
    cache.clear()
    assert post(client, valid(mayor)).status_code == 201
    assert post(client, valid(mayor, outlet="")).status_code == 400  # invalid ones count too
    response = post(client, valid(mayor))
    assert response.status_code == 429
    assert response.json()["message"]
    assert 1 <= int(response["Retry-After"]) <= 61
    assert InterviewRequest.objects.count() == 1
    # Another client address is not held back.
    assert post(client, valid(mayor), REMOTE_ADDR="192.0.2.10").status_code == 201


def test_absent_from_every_public_read_surface(client, mayor):
    assert post(client, valid(mayor)).status_code == 201
    interview = InterviewRequest.objects.get()
    InterviewRequest.objects.filter(pk=interview.pk).update(
        status=InterviewRequest.Status.SCHEDULED,
        agreed_at=timezone.now() + dt.timedelta(days=2),
        agreed_place="Palacio Municipal",
    )
    soon = timezone.localdate()
    for url in [
        "/api/v2/pages/?limit=50",
        f"/api/v2/pages/?search={TOPIC.split()[0]}",
        f"/api/v2/calendar/?from={soon}&to={soon + dt.timedelta(days=30)}",
        "/api/v2/calendar.ics",
        "/feeds/noticias/",
        f"/api/v2/interview-requests/{interview.pk}/",
        f"/api/v2/pages/{interview.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        text = response.content.decode()
        assert "Zqxjv" not in text and interview.reference not in text and "ana@noticias" not in text, url
    schema = client.get("/api/schema/").json()
    assert list(schema["paths"][URL]) == ["post"]
    assert "InterviewRequestSubmission" in schema["components"]["schemas"]
