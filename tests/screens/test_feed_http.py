"""The feed over HTTP: errors, ETag/304 and its query budget, last seen, play windows.

Every test runs on the local-memory cache and on a real Redis (REDIS_TEST_URL; tests/cache_backends.py)."""

import datetime

import pytest
from django.utils import timezone

from screens.models import Alert, Screen
from tests.factories import AlertFactory, ScreenFactory
from tests.screens.conftest import LIMA, feed_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_backend")]


def test_unknown_slug_is_a_json_404(client):
    for slug in ("no-existe", "NO EXISTE", "ñandú"):
        response = client.get(f"/api/v2/screens/{slug}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert "No screen with slug" in response.json()["message"]


def test_query_parameters_are_refused_with_json_400(client):
    screen = ScreenFactory()
    response = client.get(feed_url(screen), {"limit": "5", "locale": "qu"})
    assert response.status_code == 400
    assert response.json() == {"message": "Unknown query parameter(s): limit, locale. This endpoint takes none."}


def test_writes_are_refused_with_json_405(client):
    screen = ScreenFactory()
    response = client.post(feed_url(screen), {"title": "x"})
    assert response.status_code == 405
    # Answered by cms.api.methods for every public URL alike (issue 15, item 7).
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "POST" in response.json()["message"]


def test_feed_shape(client, clock):
    screen = ScreenFactory(
        slug="palacio-municipal", name="Palacio Municipal", seconds_per_slide=15, poll_seconds=20, play_days="12345"
    )
    response = client.get(feed_url(screen))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
    body = response.json()
    assert body["screen"] == {
        "slug": "palacio-municipal",
        "name": "Palacio Municipal",
        "building": "Palacio Municipal, Plaza Regocijo S/N",
        "orientation": "horizontal",
        "locale": "es",
    }
    assert body["standby"] is False
    assert body["poll_after"] == 20
    assert body["seconds_per_slide"] == 15
    assert body["schedule"] == {
        "play_from": "00:00",
        "play_until": "00:00",
        "play_days": "12345",
        "time_zone": "America/Lima",
    }
    assert body["alerts"] == [] and body["slides"] == []


def test_matching_etag_gets_304_within_two_queries(client, clock, django_assert_max_num_queries):
    screen = ScreenFactory()
    AlertFactory()
    first = client.get(feed_url(screen))
    assert first.status_code == 200

    clock.shift(datetime.timedelta(minutes=2))  # the stored last_seen_at is due for a refresh
    with django_assert_max_num_queries(2):
        response = client.get(feed_url(screen), HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304
    assert response["ETag"] == first["ETag"]
    assert response["Cache-Control"] == "no-cache"
    assert response.content == b""


def test_weak_and_listed_etags_match_too(client, clock):
    screen = ScreenFactory()
    etag = client.get(feed_url(screen))["ETag"]
    assert client.get(feed_url(screen), HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304
    assert client.get(feed_url(screen), HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_a_poll_does_not_write_on_every_request(client, clock, django_assert_num_queries):
    screen = ScreenFactory()
    client.get(feed_url(screen))
    screen.refresh_from_db()
    assert screen.last_seen_at == timezone.now()
    first_seen = screen.last_seen_at

    clock.shift(datetime.timedelta(seconds=30))
    etag = client.get(feed_url(screen))["ETag"]
    with django_assert_num_queries(1):  # the screen and the content version; no write
        assert client.get(feed_url(screen), HTTP_IF_NONE_MATCH=etag).status_code == 304
    screen.refresh_from_db()
    assert screen.last_seen_at == first_seen

    clock.shift(datetime.timedelta(seconds=31))
    client.get(feed_url(screen), HTTP_IF_NONE_MATCH=etag)
    screen.refresh_from_db()
    assert screen.last_seen_at == timezone.now()


def test_screen_changes_are_served_at_once(client, clock):
    screen = ScreenFactory(seconds_per_slide=12)
    etag = client.get(feed_url(screen))["ETag"]
    Screen.objects.filter(pk=screen.pk).update(seconds_per_slide=20)

    response = client.get(feed_url(screen), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response.json()["seconds_per_slide"] == 20


def at(day, hour, minute=0):
    """A moment in Lima during the week of 2026-06-22 (Monday = 1)."""
    return datetime.datetime(2026, 6, 21 + day, hour, minute, tzinfo=LIMA)


@pytest.mark.parametrize(
    ("moment", "standby"),
    [
        (at(3, 10), False),  # Wednesday morning
        (at(3, 7), False),  # opening minute
        (at(3, 6, 59), True),
        (at(3, 20), True),  # closing minute
        (at(5, 19, 59), False),  # Friday evening
        (at(6, 10), True),  # Saturday
        (at(7, 10), True),  # Sunday
    ],
)
def test_play_window_in_lima_time(client, clock, moment, standby):
    screen = ScreenFactory(play_from=datetime.time(7), play_until=datetime.time(20), play_days="12345")
    clock.move_to(moment)
    assert client.get(feed_url(screen)).json()["standby"] is standby


def test_standby_hides_slides_and_all_but_emergencies(client, clock):
    screen = ScreenFactory(play_from=datetime.time(7), play_until=datetime.time(20), play_days="12345")
    clock.move_to(at(3, 19, 58))
    AlertFactory(title="info", ends_at=at(4, 12))
    AlertFactory(title="emergencia", severity=Alert.Severity.EMERGENCY, ends_at=at(4, 12))
    playing = client.get(feed_url(screen)).json()
    assert playing["standby"] is False
    assert [a["title"] for a in playing["alerts"]] == ["emergencia", "info"]

    clock.move_to(at(3, 20, 0))  # no content changed: the cached feed must not outlive the window

    standby = client.get(feed_url(screen)).json()
    assert standby["standby"] is True
    assert [a["title"] for a in standby["alerts"]] == ["emergencia"]
    assert standby["slides"] == []
