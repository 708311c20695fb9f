"""The feed's alerts: ordering, targeting, expiry with frozen time, drafts never leaking."""

import datetime

import pytest
from django.utils import timezone

from screens.models import Alert
from tests.factories import AlertFactory, ScreenFactory
from tests.screens.conftest import feed_url

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


def alert_titles(client, screen):
    response = client.get(feed_url(screen))
    assert response.status_code == 200, response.content
    return [alert["title"] for alert in response.json()["alerts"]]


def test_most_severe_first_then_newest(client, clock):
    screen = ScreenFactory()
    now = timezone.now()
    AlertFactory(title="info antigua", severity=Alert.Severity.INFO, starts_at=now - 30 * MINUTE)
    AlertFactory(title="info nueva", severity=Alert.Severity.INFO, starts_at=now - 2 * MINUTE)
    AlertFactory(title="emergencia", severity=Alert.Severity.EMERGENCY, starts_at=now - 40 * MINUTE)
    AlertFactory(title="aviso", severity=Alert.Severity.WARNING, starts_at=now - 10 * MINUTE)

    assert alert_titles(client, screen) == ["emergencia", "aviso", "info nueva", "info antigua"]


def test_alert_fields(client, clock):
    screen = ScreenFactory()
    alert = AlertFactory(title="Corte de agua", message="Sedacusco anuncia un corte.", severity="aviso")

    [data] = client.get(feed_url(screen)).json()["alerts"]

    assert data == {
        "id": alert.pk,
        "title": "Corte de agua",
        "message": "Sedacusco anuncia un corte.",
        "severity": "aviso",
        "severity_label": "Aviso",
        "starts_at": alert.starts_at.isoformat(),
        "ends_at": alert.ends_at.isoformat(),
    }


def test_targeting_all_screens_or_the_chosen_ones(client, clock):
    palacio, terminal, biblioteca = ScreenFactory(), ScreenFactory(), ScreenFactory()
    AlertFactory(title="para todas")
    AlertFactory(title="solo palacio", screens=[palacio])
    AlertFactory(title="palacio y terminal", screens=[palacio, terminal])

    assert sorted(alert_titles(client, palacio)) == ["palacio y terminal", "para todas", "solo palacio"]
    assert sorted(alert_titles(client, terminal)) == ["palacio y terminal", "para todas"]
    assert alert_titles(client, biblioteca) == ["para todas"]


def test_unpublished_alerts_never_reach_a_feed(client, clock):
    screen = ScreenFactory()
    AlertFactory(title="borrador", published=False)
    withdrawn = AlertFactory(title="retirada")
    assert alert_titles(client, screen) == ["retirada"]

    withdrawn.unpublish()

    assert alert_titles(client, screen) == []


def test_expired_alert_disappears_by_itself(client, clock):
    screen = ScreenFactory()
    ends_at = timezone.now() + 10 * MINUTE
    AlertFactory(title="cierre de vías", ends_at=ends_at)
    first = client.get(feed_url(screen))
    assert [a["title"] for a in first.json()["alerts"]] == ["cierre de vías"]

    clock.move_to(ends_at - datetime.timedelta(seconds=1))
    assert alert_titles(client, screen) == ["cierre de vías"]

    clock.move_to(ends_at)
    response = client.get(feed_url(screen), HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response.json()["alerts"] == []
    assert response["ETag"] != first["ETag"]


def test_scheduled_alert_appears_at_its_start(client, clock):
    screen = ScreenFactory()
    starts_at = timezone.now() + 3 * MINUTE
    AlertFactory(title="simulacro", severity=Alert.Severity.EMERGENCY, starts_at=starts_at)
    assert alert_titles(client, screen) == []

    clock.move_to(starts_at)

    assert alert_titles(client, screen) == ["simulacro"]


def test_expired_alert_is_never_served_even_if_published(client, clock):
    screen = ScreenFactory()
    AlertFactory(title="vencida", starts_at=timezone.now() - 3 * MINUTE * 60, ends_at=timezone.now() - MINUTE)

    assert alert_titles(client, screen) == []


def test_draft_change_to_a_live_alert_does_not_leak(client, clock, superuser):
    screen = ScreenFactory()
    alert = AlertFactory(title="Texto aprobado")
    client.get(feed_url(screen))  # warm the cache

    client.force_login(superuser)
    edit_url = f"/admin/snippets/screens/alert/edit/{alert.pk}/"
    form = {
        "title": "Texto sin aprobar",
        "message": alert.message,
        "severity": alert.severity,
        "starts_at": timezone.localtime(alert.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": timezone.localtime(alert.ends_at).strftime("%Y-%m-%d %H:%M"),
        "all_screens": "on",
    }
    response = client.post(edit_url, form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    alert.refresh_from_db()
    assert alert.has_unpublished_changes and alert.latest_revision.content["title"] == "Texto sin aprobar"
    client.logout()

    assert alert_titles(client, screen) == ["Texto aprobado"]

    alert.latest_revision.publish()

    assert alert_titles(client, screen) == ["Texto sin aprobar"]
