"""Press journeys in Chromium: a press note reaches the accredited press through a real SMTP
server (the worker sends; the Director resends from the admin), and interview requests are
registered, coordinated by a Redactor and scheduled by the Director."""

import datetime as dt
import re
import subprocess
import sys

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.helpers import screenshot
from tests.e2e.server import BASE_DIR, _server_env, database_url
from tests.media_relations.conftest import RecordingHandler, SMTPServer

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def smtp():
    server = SMTPServer(RecordingHandler())
    server.controller.start()
    yield server
    server.controller.stop()


@pytest.fixture
def press_server(smtp, monkeypatch, start_server):
    """A server of our own whose tasks go to the database queue and whose mail goes to `smtp`."""
    monkeypatch.setenv("E2E_SMTP_PORT", str(smtp.port))
    return start_server()


def run_worker(e2e_database, smtp):
    env = _server_env(database_url(e2e_database))
    env.update(E2E_SMTP_PORT=str(smtp.port))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "worker", "--once"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def published_note():
    """A press note in "Obras", published as the Director's approval would (tasks on the DB queue)."""
    from cms.models import Category
    from news.models import NewsIndexPage
    from tests.factories import ImageFactory, NewsPageFactory

    obras, _ = Category.objects.get_or_create(slug="obras-e2e", defaults={"name": "Obras (e2e)"})
    index = NewsIndexPage.objects.get(slug="notas-de-prensa", locale__language_code="es")
    note = NewsPageFactory.build(title="Puente de Sapantiana reabierto", main_image=ImageFactory())
    index.add_child(instance=note)
    note.categories.set([obras])
    note.save()
    with override_settings(TASKS=DB_QUEUE):
        note.save_revision().publish()
    return note.pk


def test_press_note_reaches_the_press_and_the_director_resends(orm, e2e_database, press_server, smtp, new_page):
    from cms.models import Category

    orm.run(lambda: Category.objects.get_or_create(slug="obras-e2e", defaults={"name": "Obras (e2e)"}))

    # A Redactor adds the outlet and its categories; the accreditation checkbox is not theirs.
    redactor = new_page("redactor", server=press_server)
    redactor.goto("/admin/cms/mediaoutlet/create/")
    expect(redactor.locator("input[name=accredited]")).to_have_count(0)
    redactor.locator("input[name=name]").fill("Ejemplo Noticias Cusco (e2e)")
    redactor.locator("select[name=kind]").select_option("digital")
    redactor.locator("input[name=email]").fill("ana@noticias.example.org")
    redactor.get_by_label("Obras (e2e)").check()
    redactor.locator("form button[type=submit]").last.click()
    expect(redactor.get_by_text("Ejemplo Noticias Cusco (e2e)").first).to_be_visible()

    # The Director accredits it.
    director = new_page("director", server=press_server)
    director.goto("/admin/cms/mediaoutlet/")
    director.get_by_role("link", name="Ejemplo Noticias Cusco (e2e)").first.click()
    director.locator("input[name=accredited]").check()
    director.locator("form button[type=submit]").last.click()
    expect(director.locator("main")).to_contain_text("Ejemplo Noticias Cusco (e2e)")

    note_id = orm.run(published_note)
    assert smtp.messages == []  # publishing only queued the job
    run_worker(e2e_database, smtp)
    assert [m["rcpt"] for m in smtp.messages] == [["ana@noticias.example.org"]]
    assert "List-Unsubscribe=One-Click" in str(smtp.messages[0]["message"]["List-Unsubscribe-Post"])

    # The Director sees the delivery log and resends to the contact.
    director.goto("/admin/prensa/envios/")
    director.get_by_role("link", name="Puente de Sapantiana reabierto").click()
    row = director.locator("tr[data-delivery='ana@noticias.example.org']")
    expect(row.locator("td.status")).to_have_text(re.compile("Enviado"))
    row.get_by_role("button", name="Reenviar").click()
    expect(director.locator("body")).to_contain_text("Se reenviará a 1 contacto")
    expect(row.locator("td.status")).to_have_text(re.compile("Pendiente"))
    run_worker(e2e_database, smtp)
    assert len(smtp.messages) == 2
    director.reload()
    expect(row.locator("td.status")).to_have_text(re.compile("Enviado"))
    expect(row).to_contain_text("#2")
    screenshot(director, "press-release-resent")

    # The Redactor may look, not resend.
    redactor.goto("/admin/prensa/envios/")
    redactor.get_by_role("link", name="Puente de Sapantiana reabierto").click()
    expect(redactor.locator("tr[data-delivery='ana@noticias.example.org']")).to_be_visible()
    expect(redactor.get_by_role("button", name=re.compile("Reenviar"))).to_have_count(0)
    assert note_id


def close_date_picker(page):
    page.keyboard.press("Escape")
    page.locator("textarea[name=office_notes]").click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)


def people():
    from cms.models import Person

    mayor, _ = Person.objects.get_or_create(name="Alcalde (e2e)", defaults={"role": Person.Role.ALCALDE})
    regidor, _ = Person.objects.get_or_create(name="Regidora (e2e)", defaults={"role": Person.Role.REGIDOR})
    return mayor.pk, regidor.pk


def test_interview_is_registered_coordinated_and_scheduled(orm, new_page, anonymous_page):
    from media_relations.models import InterviewRequest

    mayor_id, _regidor_id = orm.run(people)
    when = (timezone.localtime() + dt.timedelta(days=4)).replace(hour=10, minute=0, second=0, microsecond=0)

    # The website submits a request (the public endpoint).
    response = anonymous_page.request.post(
        "/api/v2/interview-requests/",
        data={
            "outlet": "Radio Ejemplo Andina",
            "journalist": "Pedro Prueba",
            "email": "prensa@radio.example.net",
            "person": mayor_id,
            "topic": "Agenda del Inti Raymi",
            "proposed_dates": [when.isoformat()],
            "channel": "estudio",
        },
    )
    assert response.status == 201, response.text()
    reference = response.json()["reference"]

    # A Redactor registers another one, received by phone, for the Regidora.
    redactor = new_page("redactor")
    redactor.goto("/admin/")
    redactor.get_by_role("button", name="Prensa", exact=True).click()
    redactor.get_by_role("link", name="Solicitudes de entrevista").click()
    expect(redactor.locator("main")).to_contain_text(reference)
    redactor.goto("/admin/snippets/media_relations/interviewrequest/add/")
    redactor.locator("input[name=outlet]").fill("Canal Ejemplo TV")
    redactor.locator("input[name=journalist]").fill("Lucía Demo")
    redactor.locator("select[name=person]").select_option(label="Regidora (e2e) (Regidor)")
    redactor.locator("textarea[name=topic]").fill("Programa cultural")
    redactor.locator("select[name=channel]").select_option("telefono")
    redactor.get_by_role("button", name="Guardar", exact=True).click()
    expect(redactor.locator("main")).to_contain_text("Lucía Demo")

    # The Redactor cannot schedule the Mayor's interview; coordinating it is fine.
    redactor.get_by_role("link", name=re.compile(reference)).first.click()
    redactor.locator("select[name=status]").select_option("programada")
    redactor.locator("input[name=agreed_at]").fill(when.strftime("%Y-%m-%d %H:%M"))
    close_date_picker(redactor)
    redactor.locator("input[name=agreed_place]").fill("Palacio Municipal")
    redactor.get_by_role("button", name="Guardar", exact=True).click()
    expect(redactor.locator("main")).to_contain_text("Solo el Director confirma")
    screenshot(redactor, "interview-redactor-refused")
    redactor.locator("select[name=status]").select_option("en_coordinacion")
    redactor.get_by_role("button", name="Guardar", exact=True).click()
    expect(redactor.locator("main")).to_contain_text("En coordinación")

    # The Director schedules it; it appears in the office's calendar feed.
    director = new_page("director")
    director.goto("/admin/snippets/media_relations/interviewrequest/?status=en_coordinacion")
    director.get_by_role("link", name=re.compile(reference)).first.click()
    director.locator("select[name=status]").select_option("programada")
    director.locator("input[name=agreed_at]").fill(when.strftime("%Y-%m-%d %H:%M"))
    close_date_picker(director)
    director.locator("input[name=agreed_place]").fill("Palacio Municipal")
    director.get_by_role("button", name="Guardar", exact=True).click()
    expect(director.locator("main")).to_contain_text("Programada")
    status = orm.run(lambda: InterviewRequest.objects.get(reference=reference).status)
    assert status == "programada"

    director.goto("/admin/prensa/calendario/")
    feed_url = director.get_by_test_id("calendar-url").inner_text()
    feed = anonymous_page.request.get(feed_url.replace(feed_url.split("/prensa/")[0], ""))
    assert feed.status == 200 and "Alcalde (e2e)" in feed.text() and "Radio Ejemplo Andina" in feed.text()
    screenshot(director, "interview-calendar-link")
