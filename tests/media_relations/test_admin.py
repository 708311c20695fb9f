"""Permissions on the server: Redactores work on requests and contacts; the Director schedules
interviews with the Mayor, accredits and resends. The office's internal calendar feed."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from cms.models import MediaOutlet, Person
from media_relations.links import calendar_url
from media_relations.models import InterviewRequest, PressDelivery, PressRelease
from tests.factories import PersonFactory
from tests.media_relations.conftest import make_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    return {
        "mayor": PersonFactory(name="Alcalde de Prueba", role=Person.Role.ALCALDE),
        "regidor": PersonFactory(name="Regidor de Prueba", role=Person.Role.REGIDOR),
    }


def interview(person, **extra):
    return InterviewRequest.objects.create(
        outlet="Ejemplo Noticias",
        journalist="Ana Ejemplo",
        person=person,
        topic="Obras de la gestión",
        channel=InterviewRequest.Channel.STUDIO,
        **extra,
    )


def edit_data(request, **changes):
    agreed = timezone.localtime() + dt.timedelta(days=2)
    data = {
        "outlet": request.outlet,
        "journalist": request.journalist,
        "email": "",
        "phone": "",
        "person": request.person_id,
        "topic": request.topic,
        "proposed_dates": "",
        "channel": request.channel,
        "status": InterviewRequest.Status.SCHEDULED,
        "agreed_at": agreed.strftime("%Y-%m-%d %H:%M"),
        "agreed_place": "Palacio Municipal",
        "office_notes": "",
    }
    data.update(changes)
    return data


def edit_url(request):
    return reverse("wagtailsnippets_media_relations_interviewrequest:edit", args=[request.pk])


def test_redactor_cannot_schedule_with_the_mayor_but_the_director_can(client, redactor, director, people):
    request = interview(people["mayor"])
    client.force_login(redactor)
    response = client.post(edit_url(request), edit_data(request))
    assert response.status_code == 200
    assert "Solo el Director confirma" in response.content.decode()
    request.refresh_from_db()
    assert request.status == InterviewRequest.Status.RECEIVED and request.agreed_at is None

    # The Redactor still coordinates it (notes, "en coordinación").
    response = client.post(
        edit_url(request), edit_data(request, status="en_coordinacion", office_notes="Llamar el lunes")
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "en_coordinacion" and request.office_notes == "Llamar el lunes"

    client.force_login(director)
    assert client.post(edit_url(request), edit_data(request)).status_code == 302
    request.refresh_from_db()
    assert request.status == InterviewRequest.Status.SCHEDULED and request.agreed_place == "Palacio Municipal"


def test_redactor_schedules_with_a_regidor(client, redactor, people):
    request = interview(people["regidor"])
    client.force_login(redactor)
    assert client.post(edit_url(request), edit_data(request)).status_code == 302
    request.refresh_from_db()
    assert request.status == InterviewRequest.Status.SCHEDULED


def test_scheduling_needs_the_agreed_date(client, director, people):
    request = interview(people["regidor"])
    client.force_login(director)
    response = client.post(edit_url(request), edit_data(request, agreed_at=""))
    assert response.status_code == 200 and "fecha y hora acordadas" in response.content.decode()


def test_list_filters_by_status_person_and_month_in_fixed_queries(client, redactor, people):
    interview(people["mayor"])
    interview(people["regidor"], status=InterviewRequest.Status.SCHEDULED)
    old = interview(people["regidor"])
    InterviewRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=70))
    client.force_login(redactor)
    url = reverse("wagtailsnippets_media_relations_interviewrequest:list")
    month = timezone.localtime().strftime("%Y-%m")
    response = client.get(url, {"person": people["regidor"].pk, "month": month})
    assert response.status_code == 200
    assert response.context["object_list"].count() == 1
    assert client.get(url, {"status": "programada"}).context["object_list"].count() == 1
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(6):
        interview(people["mayor"])
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_only_the_director_accredits(client, redactor, director, categories):
    contact = MediaOutlet.objects.create(name="Ejemplo Noticias", kind="digital", email="a@noticias.example.org")
    url = f"/admin/cms/mediaoutlet/edit/{contact.pk}/"
    data = {"name": contact.name, "kind": "digital", "email": contact.email, "accredited": "on"}
    client.force_login(redactor)
    page = client.get(url).content.decode()
    assert 'name="accredited"' not in page and 'name="categories"' in page
    assert client.post(url, {**data, "contact_person": "Ana"}).status_code == 302
    contact.refresh_from_db()
    assert contact.contact_person == "Ana" and contact.accredited is False  # the posted value is ignored

    client.force_login(director)
    assert 'name="accredited"' in client.get(url).content.decode()
    assert client.post(url, data).status_code == 302
    contact.refresh_from_db()
    assert contact.accredited is True


def test_only_the_director_resends(client, redactor, director, news_index, categories):
    contact = MediaOutlet.objects.create(
        name="Ejemplo Noticias", kind="digital", email="a@noticias.example.org", accredited=True
    )
    contact.categories.set([categories["obras"]])
    note = make_note(news_index, [categories["obras"]])
    note.save_revision().publish()
    release = PressRelease.objects.get()
    delivery = release.deliveries.get()
    PressDelivery.objects.filter(pk=delivery.pk).update(status=PressDelivery.Status.FAILED, attempts=5)
    url = reverse("media_relations_release", args=[release.pk])

    client.force_login(redactor)
    page = client.get(url)
    assert page.status_code == 200 and "a@noticias.example.org" in page.content.decode()
    assert "Reenviar a todos" not in page.content.decode()
    refused = client.post(url, {"delivery": delivery.pk})  # Wagtail answers PermissionDenied with a redirect
    assert refused.status_code in (302, 403) and refused.get("Location") != url
    assert PressDelivery.objects.get(pk=delivery.pk).status == PressDelivery.Status.FAILED

    client.force_login(director)
    assert client.post(url, {"delivery": delivery.pk}).status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == PressDelivery.Status.PENDING and delivery.max_attempts == 10


def test_office_calendar_feed_is_internal(client, redactor, administrador, people):
    when = timezone.now() + dt.timedelta(days=2)
    interview(people["mayor"], status=InterviewRequest.Status.SCHEDULED, agreed_at=when, agreed_place="Sala")
    interview(people["regidor"])  # not scheduled: not in the feed
    response = client.get(calendar_url(redactor).removeprefix("http://testserver"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1 and "Alcalde de Prueba" in str(events[0]["SUMMARY"])
    assert events[0].decoded("DTSTART") == when.replace(microsecond=0) or events[0].decoded("DTSTART") == when

    assert client.get("/prensa/entrevistas/falso/calendario.ics").status_code == 404
    no_permission = calendar_url(administrador).removeprefix("http://testserver")
    assert client.get(no_permission).status_code == 404
    redactor.is_active = False
    redactor.save()
    assert client.get(calendar_url(redactor).removeprefix("http://testserver")).status_code == 404
    assert "Ana Ejemplo" not in client.get("/api/v2/calendar.ics").content.decode()


def test_contact_type_is_limited_to_press_contacts():
    assert set(
        ContentType.objects.filter(app_label="cms", model__in=["mediaoutlet", "institution"]).values_list(
            "model", flat=True
        )
    ) == {"mediaoutlet", "institution"}


def test_a_later_publication_reaches_only_contacts_who_never_had_the_note(news_index, categories):
    first = MediaOutlet.objects.create(name="Primero", kind="digital", email="a@uno.example.org", accredited=True)
    first.categories.set([categories["obras"]])
    note = make_note(news_index, [categories["obras"]])
    note.save_revision().publish()
    assert list(PressDelivery.objects.values_list("email", flat=True)) == ["a@uno.example.org"]

    late = MediaOutlet.objects.create(name="Recién acreditado", kind="tv", email="b@dos.example.org", accredited=True)
    late.categories.set([categories["obras"]])
    note.refresh_from_db()
    note.save_revision().publish()
    note.refresh_from_db()
    note.save_revision().publish()  # nobody new: no release
    releases = list(PressRelease.objects.order_by("pk"))
    assert len(releases) == 2
    assert [d.email for d in releases[1].deliveries.all()] == ["b@dos.example.org"]
