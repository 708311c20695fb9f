"""The admin: screens with their connection status, alerts with their status and form rules."""

import datetime

import pytest
from django.utils import timezone

from screens.models import Alert
from tests.factories import AlertFactory, ScreenFactory

pytestmark = pytest.mark.django_db

ALERTS_URL = "/admin/snippets/screens/alert/"


def test_screen_list_shows_last_seen_and_online_status(client, superuser, clock):
    now = timezone.now()
    ScreenFactory(name="Pantalla del Palacio", last_seen_at=now - datetime.timedelta(seconds=40))
    ScreenFactory(name="Pantalla de la Terminal", last_seen_at=now - datetime.timedelta(hours=2))
    ScreenFactory(name="Pantalla nueva", last_seen_at=None)
    client.force_login(superuser)

    response = client.get("/admin/screens/screen/")

    assert response.status_code == 200
    rows = {
        name: row
        for row in response.content.decode().split("<tr")
        for name in ("Palacio", "Terminal", "nueva")
        if f"Pantalla del {name}" in row or f"Pantalla de la {name}" in row or f"Pantalla {name}" in row
    }
    assert "En línea" in rows["Palacio"] and "Sin conexión" not in rows["Palacio"]
    assert "Sin conexión" in rows["Terminal"]
    assert "Sin conexión" in rows["nueva"]
    assert "/screens/" in rows["Palacio"]  # link to the display page


def test_alert_list_shows_publication_and_validity(client, superuser, clock):
    AlertFactory(title="Vigente y publicada")
    AlertFactory(title="Borrador programado", starts_at=timezone.now() + datetime.timedelta(days=1), published=False)
    AlertFactory(
        title="Ya vencida",
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=1),
    )
    client.force_login(superuser)

    html = client.get(ALERTS_URL).content.decode()

    rows = {row.split("</tr>")[0] for row in html.split("<tr")}
    [live] = [row for row in rows if "Vigente y publicada" in row]
    [draft] = [row for row in rows if "Borrador programado" in row]
    [expired] = [row for row in rows if "Ya vencida" in row]
    assert "Vigente" in live.replace("Vigente y publicada", "") and "en vivo" in live
    assert "Programada" in draft and "Borrador" in draft.replace("Borrador programado", "")
    assert "Vencida" in expired and "en vivo" in expired


def alert_form(**overrides):
    now = timezone.localtime()
    form = {
        "title": "Corte de tránsito en la Av. El Sol",
        "message": "Por obras de la Municipalidad.",
        "severity": "aviso",
        "starts_at": now.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (now + datetime.timedelta(hours=5)).strftime("%Y-%m-%d %H:%M"),
        "all_screens": "on",
    }
    form.update(overrides)
    return {key: value for key, value in form.items() if value is not None}


def post_alert(client, superuser, **overrides):
    client.force_login(superuser)
    return client.post(f"{ALERTS_URL}add/", alert_form(**overrides))


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_at": None}, "ends_at", "Este campo es necesario."),
        ({"ends_at": "2020-01-01 10:00"}, "ends_at", "El fin debe ser posterior al inicio."),
        ({"all_screens": None}, "screens", "Elija al menos una pantalla"),
    ],
)
def test_alert_form_rules(client, superuser, clock, overrides, field, message):
    response = post_alert(client, superuser, **overrides)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in error for error in errors[field]), errors
    assert not Alert.objects.exists()


def test_alert_saved_as_a_draft_for_chosen_screens(client, superuser, clock):
    palacio = ScreenFactory()

    response = post_alert(client, superuser, all_screens=None, screens=[palacio.pk])

    assert response.status_code == 302
    alert = Alert.objects.get()
    assert not alert.live and list(alert.screens.all()) == [palacio]


def test_website_only_alert_needs_no_screen(client, superuser, clock):
    response = post_alert(client, superuser, all_screens=None, show_on_website="on")

    assert response.status_code == 302
    assert Alert.objects.get().show_on_website
