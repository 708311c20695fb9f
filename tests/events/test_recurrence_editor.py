"""The recurrence editor's mapping RRULE <-> editor state, its Spanish sentence and its preview endpoint."""

import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from events.recurrence import LIMA
from events.recurrence_editor import rule_to_state, state_to_rule
from events.recurrence_text import describe
from events.validators import validate_rrule

# Every rule literal in the demo data and the other tests (this file holds rules meant to stay advanced).
RULE_LITERAL = re.compile(r'"((?:RRULE:)?FREQ=[^"\n]*)"')
SOURCES = [
    settings.BASE_DIR / "events" / "demo.py",
    *sorted(path for path in (settings.BASE_DIR / "tests").rglob("*.py") if path.name != "test_recurrence_editor.py"),
]


def valid(rule):
    try:
        validate_rrule(rule)
    except ValidationError:
        return False
    return True


def project_rules():
    found = {match for path in SOURCES for match in RULE_LITERAL.findall(path.read_text())}
    return sorted(rule for rule in found if valid(rule))


PROJECT_RULES = project_rules()


def test_the_rules_were_found():
    assert {
        "FREQ=YEARLY",
        "FREQ=WEEKLY;BYDAY=SU",
        "FREQ=MONTHLY;BYDAY=1SU",
        "FREQ=WEEKLY;UNTIL=20260118T130000Z",
    } <= set(PROJECT_RULES)


@pytest.mark.parametrize("all_day", [False, True])
@pytest.mark.parametrize("rule", PROJECT_RULES)
def test_every_project_rule_round_trips_unchanged(rule, all_day):
    state = rule_to_state(rule, all_day)
    assert state is not None, f"the editor cannot show {rule}"
    assert state_to_rule(state, all_day) == rule


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("", {"freq": "none"}),
        ("FREQ=YEARLY", {"freq": "yearly", "year_month": None, "end": "never"}),
        ("FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=24", {"freq": "yearly", "year_month": 6, "year_day": 24}),
        ("FREQ=WEEKLY;BYDAY=MO,WE", {"freq": "weekly", "weekdays": ["MO", "WE"]}),
        ("FREQ=MONTHLY;BYMONTHDAY=15", {"freq": "monthly", "monthly_mode": "day", "month_day": 15}),
        ("FREQ=MONTHLY;BYDAY=-1FR", {"monthly_mode": "weekday", "ordinal": -1, "ordinal_weekday": "FR"}),
        ("FREQ=DAILY;COUNT=3", {"freq": "daily", "end": "count", "count": 3}),
        # 2026-12-31 23:59:59 UTC is still the 31st in Lima (UTC-5): the date shown is Lima's.
        ("FREQ=WEEKLY;UNTIL=20270101T035959Z", {"end": "until", "until": "2026-12-31"}),
    ],
)
def test_rule_to_state(rule, expected):
    state = rule_to_state(rule)
    assert {key: state[key] for key in expected} == expected


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;INTERVAL=2",  # every other week: not offered in words
        "FREQ=MONTHLY;BYDAY=SU;BYSETPOS=1",
        "FREQ=MONTHLY;BYDAY=1SU,3SU",
        "FREQ=YEARLY;BYMONTH=6",
        "FREQ=DAILY;BYDAY=MO",
        "FREQ=HOURLY",
        "FREQ=YEARLY;UNTIL=2026",
        "no es una regla",
    ],
)
def test_rules_the_editor_cannot_show_stay_advanced(rule):
    assert rule_to_state(rule) is None


def test_writing_from_the_editor():
    state = rule_to_state("")
    state.update(freq="weekly", weekdays=["TU", "TH"], end="until", until="2026-12-15")
    assert state_to_rule(state) == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261215"
    state.update(freq="monthly", monthly_mode="weekday", ordinal=2, ordinal_weekday="SA", end="count", count=6)
    assert state_to_rule(state) == "FREQ=MONTHLY;BYDAY=2SA;COUNT=6"
    state.update(freq="yearly", year_month=6, year_day=24, end="never")
    assert state_to_rule(state) == "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=24"


def test_a_changed_until_date_replaces_the_stored_utc_value_kept_otherwise():
    state = rule_to_state("FREQ=WEEKLY;UNTIL=20260118T130000Z")
    assert state_to_rule(state) == "FREQ=WEEKLY;UNTIL=20260118T130000Z"
    state["until"] = "2026-02-01"
    assert state_to_rule(state) == "FREQ=WEEKLY;UNTIL=20260201"


def test_parts_keep_their_order_and_the_rrule_prefix():
    for rule in ["FREQ=WEEKLY;COUNT=4;BYDAY=SU", "RRULE:FREQ=YEARLY;BYMONTHDAY=24;BYMONTH=6"]:
        assert state_to_rule(rule_to_state(rule)) == rule


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        ("", "No se repite."),
        ("FREQ=YEARLY", "Cada año, el 24 de junio."),
        ("FREQ=WEEKLY", "Cada semana, los miércoles."),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=10", "Cada semana, los lunes, miércoles y viernes, 10 veces en total."),
        ("FREQ=WEEKLY;BYDAY=SA,SU", "Cada semana, los sábados y domingos."),
        ("FREQ=MONTHLY;BYDAY=-1SU", "Cada mes, el último domingo."),
        ("FREQ=MONTHLY;UNTIL=20261231", "Cada mes, el día 24, hasta el 31 de diciembre de 2026."),
        ("FREQ=WEEKLY;INTERVAL=2", "Regla avanzada: se edita como texto RRULE."),
    ],
)
def test_the_rule_in_spanish(rule, sentence):
    assert describe(rule_to_state(rule), dt.date(2026, 6, 24)) == sentence


@pytest.fixture
def preview(client, redactor):
    client.force_login(redactor)

    def get(**params):
        response = client.get(reverse("events_recurrence_preview"), params)
        assert response.status_code == 200
        return response.json()

    return get


@time_machine.travel(dt.datetime(2026, 11, 29, 12, tzinfo=LIMA), tick=False)
def test_preview_lists_the_next_dates_in_lima_time(preview, django_assert_num_queries):
    # Session, user, its two permission sets (admin access), its profile (language): no content is read.
    with django_assert_num_queries(5):
        body = preview(start="2026-06-24 09:00", end="2026-06-24 17:00", recurrence="FREQ=YEARLY")
    assert body["error"] == ""
    assert body["state"]["freq"] == "yearly"
    assert body["description"] == "Cada año, el 24 de junio."
    assert body["dates"][:2] == [
        "jueves 24 de junio de 2027, 09:00 – 17:00",
        "sábado 24 de junio de 2028, 09:00 – 17:00",
    ]
    assert len(body["dates"]) == 5


@time_machine.travel(dt.datetime(2026, 11, 29, 12, tzinfo=LIMA), tick=False)
def test_preview_skips_exception_dates_and_shows_all_day_dates(preview):
    body = preview(
        start="2026-12-06 00:00",
        end="2026-12-06 00:00",
        all_day="true",
        recurrence="FREQ=WEEKLY;COUNT=3",
        exception_dates="2026-12-13",
    )
    assert body["dates"] == ["domingo 6 de diciembre de 2026", "domingo 20 de diciembre de 2026"]


def test_preview_reports_what_the_form_would_refuse(preview):
    not_in_rule = preview(start="2026-06-24 09:00", end="2026-06-24 10:00", recurrence="FREQ=WEEKLY;BYDAY=MO")
    assert not_in_rule["error"] == "El inicio debe ser una de las fechas de la regla de repetición."
    bad_rule = preview(start="2026-06-24 09:00", recurrence="FREQ=SOMETIMES")
    assert "FREQ=DAILY" in bad_rule["error"] and bad_rule["dates"] == []
    no_start = preview(recurrence="FREQ=YEARLY")
    assert no_start["error"] == "Indique el inicio para ver las próximas fechas."


def test_preview_needs_an_admin_login(client, site_tree):
    response = client.get(reverse("events_recurrence_preview"), {"recurrence": "FREQ=YEARLY"})
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
