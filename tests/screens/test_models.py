"""Screen schedules and online status; the demo seed."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from screens.demo import ALERT_TITLE, seed_screens
from screens.models import Alert, Screen
from tests.factories import ScreenFactory
from tests.screens.conftest import LIMA


def at(day, hour, minute=0):
    """A moment in Lima during the week of 2026-06-22 (Monday = 1)."""
    return datetime.datetime(2026, 6, 21 + day, hour, minute, tzinfo=LIMA)


def screen(play_from, play_until, play_days):
    return Screen(play_from=datetime.time(*play_from), play_until=datetime.time(*play_until), play_days=play_days)


@pytest.mark.parametrize(
    ("moment", "playing"),
    [
        (at(5, 19, 59), False),  # Friday, before opening
        (at(5, 20), True),
        (at(5, 23, 30), True),
        (at(6, 1, 59), True),  # after midnight: still Friday's night
        (at(6, 2), False),
        (at(6, 21), False),  # Saturday night is not a play day
        (at(7, 1), False),
        (at(1, 1), False),  # Monday 01:00 belongs to Sunday night
    ],
)
def test_window_across_midnight(moment, playing):
    assert screen((20, 0), (2, 0), "5").is_playing(moment) is playing


def test_equal_times_mean_round_the_clock_on_play_days():
    always = screen((6, 0), (6, 0), "67")
    assert always.is_playing(at(6, 3)) and always.is_playing(at(7, 23, 59))
    assert not always.is_playing(at(1, 12))


def test_play_window_uses_lima_time_whatever_the_server_zone():
    daytime = screen((7, 0), (20, 0), "12345")
    utc_morning = datetime.datetime(2026, 6, 24, 13, 0, tzinfo=datetime.UTC)  # 08:00 in Lima
    utc_night = datetime.datetime(2026, 6, 25, 2, 0, tzinfo=datetime.UTC)  # 21:00 in Lima
    assert daytime.is_playing(utc_morning) and not daytime.is_playing(utc_night)


def test_next_schedule_change():
    daytime = screen((7, 0), (20, 0), "12345")
    assert daytime.next_schedule_change(at(3, 10)) == at(3, 20)
    assert daytime.next_schedule_change(at(3, 20)) == at(4, 7)
    assert daytime.next_schedule_change(at(3, 6, 30)) == at(3, 7)


@pytest.mark.django_db
def test_play_days_must_be_iso_weekdays():
    bad = ScreenFactory.build(play_days="1238")
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "play_days" in error.value.message_dict
    good = ScreenFactory.build(play_days="5311")
    good.full_clean()
    assert good.play_days == "135"


def test_online_within_three_polls_plus_the_stored_lag():
    now = timezone.now()
    display = Screen(poll_seconds=30)
    assert not display.is_online(now)
    display.last_seen_at = now - datetime.timedelta(seconds=150)
    assert display.is_online(now)
    display.last_seen_at = now - datetime.timedelta(seconds=151)
    assert not display.is_online(now)


def test_alert_must_end_after_it_starts():
    now = timezone.now()
    alert = Alert(title="t", message="m", starts_at=now, ends_at=now)
    with pytest.raises(ValidationError) as error:
        alert.full_clean()
    assert error.value.message_dict["ends_at"] == ["El fin debe ser posterior al inicio."]


@pytest.mark.django_db
def test_seed_is_idempotent_and_publishes_an_informational_alert(client, clock):
    out = io.StringIO()
    seed_screens(out)
    seed_screens(out)

    assert Screen.objects.get().slug == "palacio-municipal"
    alert = Alert.objects.get()
    assert alert.title == ALERT_TITLE and alert.live and alert.severity == Alert.Severity.INFO
    assert alert.ends_at - alert.starts_at == datetime.timedelta(days=30)
    assert alert.revisions.count() == 1
    assert "ya existía" in out.getvalue()
    feed = client.get("/api/v2/screens/palacio-municipal/").json()
    assert feed["screen"]["building"] == "Palacio Municipal, Plaza Regocijo S/N"
    assert feed["standby"] is False  # the clock is frozen on a Wednesday morning
    assert [a["title"] for a in feed["alerts"]] == [ALERT_TITLE]
