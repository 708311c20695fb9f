"""Occurrence expansion in America/Lima: rules, all-day dates, exceptions, overrides, bounds."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from events.choices import EventStatus
from events.recurrence import MAX_OCCURRENCES, Series
from events.validators import validate_rrule
from tests.events.conftest import lima


def day_range(first, last):
    """[first 00:00, last+1 00:00) as naive Lima datetimes, as the calendar API asks."""
    return dt.datetime.combine(first, dt.time.min), dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min)


def override(original_start, status, new_start=None, new_end=None, reason=""):
    return SimpleNamespace(
        original_start=original_start, status=status, new_start=new_start, new_end=new_end, reason=reason
    )


def starts(occurrences):
    return [o.start.isoformat() for o in occurrences]


def test_yearly_rule_across_several_years_keeps_lima_wall_clock_time():
    series = Series(start=lima(2021, 6, 24, 9), end=lima(2021, 6, 24, 17), recurrence="FREQ=YEARLY")
    found = series.between(*day_range(dt.date(2023, 1, 1), dt.date(2027, 12, 31)))
    assert starts(found) == [f"{year}-06-24T09:00:00-05:00" for year in range(2023, 2028)]
    assert {o.end.isoformat()[11:] for o in found} == {"17:00:00-05:00"}
    assert {o.status for o in found} == {EventStatus.SCHEDULED}


def test_dtstart_given_in_utc_is_read_as_lima_local_time():
    utc_start = dt.datetime(2025, 7, 28, 13, 0, tzinfo=dt.UTC)  # 08:00 in Lima
    series = Series(start=utc_start, end=utc_start + dt.timedelta(hours=1), recurrence="RRULE:FREQ=YEARLY")
    assert starts(series.between(*day_range(dt.date(2026, 7, 28), dt.date(2026, 7, 28)))) == [
        "2026-07-28T08:00:00-05:00"
    ]


def test_all_day_event_from_24_to_24_june_is_one_day():
    series = Series(start=lima(2025, 6, 24, 10), end=lima(2025, 6, 24, 9), all_day=True, recurrence="FREQ=YEARLY")
    (occurrence,) = series.between(*day_range(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    assert occurrence.all_day
    assert occurrence.start.isoformat() == "2026-06-24T00:00:00-05:00"
    assert occurrence.end.isoformat() == "2026-06-25T00:00:00-05:00"
    assert occurrence.last_day == dt.date(2026, 6, 24)
    assert series.between(*day_range(dt.date(2026, 6, 25), dt.date(2026, 6, 30))) == []
    assert series.between(*day_range(dt.date(2026, 6, 1), dt.date(2026, 6, 23))) == []


def test_multi_day_all_day_event_spans_its_dates_and_a_range_cutting_it_includes_it():
    series = Series(start=lima(2026, 6, 18), end=lima(2026, 6, 24), all_day=True)
    (occurrence,) = series.between(*day_range(dt.date(2026, 6, 20), dt.date(2026, 6, 21)))
    assert (occurrence.start.date(), occurrence.last_day) == (dt.date(2026, 6, 18), dt.date(2026, 6, 24))
    assert len(series.between(*day_range(dt.date(2026, 6, 24), dt.date(2026, 7, 1)))) == 1
    assert len(series.between(*day_range(dt.date(2026, 6, 1), dt.date(2026, 6, 18)))) == 1
    assert series.between(*day_range(dt.date(2026, 6, 25), dt.date(2026, 7, 1))) == []
    assert series.between(*day_range(dt.date(2026, 6, 1), dt.date(2026, 6, 17))) == []


def test_timed_event_over_midnight_belongs_to_both_days():
    series = Series(start=lima(2026, 6, 23, 22), end=lima(2026, 6, 24, 2))
    assert len(series.between(*day_range(dt.date(2026, 6, 24), dt.date(2026, 6, 24)))) == 1
    assert len(series.between(*day_range(dt.date(2026, 6, 23), dt.date(2026, 6, 23)))) == 1
    assert series.between(*day_range(dt.date(2026, 6, 25), dt.date(2026, 6, 25))) == []


def test_exception_dates_remove_occurrences():
    series = Series(
        start=lima(2026, 1, 4, 8),
        end=lima(2026, 1, 4, 9),
        recurrence="FREQ=WEEKLY;BYDAY=SU",
        exception_dates="2026-01-11\n\n2026-01-25\n",
    )
    found = series.between(*day_range(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    assert [o.start.date().day for o in found] == [4, 18]


def test_cancelled_occurrence_is_kept_with_status_and_reason():
    weekly = dict(start=lima(2026, 1, 4, 8), end=lima(2026, 1, 4, 9), recurrence="FREQ=WEEKLY;BYDAY=SU")
    # The editor may give the date with any time: an occurrence is identified by its local date.
    series = Series(**weekly, overrides=[override(lima(2026, 1, 11), EventStatus.CANCELLED, reason="Lluvia intensa")])
    found = series.between(*day_range(dt.date(2026, 1, 1), dt.date(2026, 1, 20)))
    assert [(o.start.day, o.status, o.reason) for o in found] == [
        (4, "programado", ""),
        (11, "cancelado", "Lluvia intensa"),
        (18, "programado", ""),
    ]
    assert found[1].cancelled and found[1].start.hour == 8


def test_rescheduled_occurrence_moves_in_and_out_of_ranges():
    moved = override(
        lima(2026, 1, 11, 8),
        EventStatus.RESCHEDULED,
        new_start=lima(2026, 2, 3, 10),
        new_end=lima(2026, 2, 3, 11, 30),
        reason="Maratón",
    )
    series = Series(
        start=lima(2026, 1, 4, 8), end=lima(2026, 1, 4, 9), recurrence="FREQ=WEEKLY;BYDAY=SU", overrides=[moved]
    )
    january = series.between(*day_range(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
    assert [o.start.day for o in january] == [4, 18, 25]
    (tuesday,) = series.between(*day_range(dt.date(2026, 2, 3), dt.date(2026, 2, 3)))
    assert tuesday.start.isoformat() == "2026-02-03T10:00:00-05:00"
    assert tuesday.end.isoformat() == "2026-02-03T11:30:00-05:00"
    assert tuesday.original_start.isoformat() == "2026-01-11T08:00:00-05:00"
    assert (tuesday.status, tuesday.reason) == ("reprogramado", "Maratón")


def test_postponed_without_new_date_and_moved_without_new_end_keep_duration():
    series = Series(
        start=lima(2026, 1, 4, 8),
        end=lima(2026, 1, 4, 9),
        recurrence="FREQ=WEEKLY",
        overrides=[
            override(lima(2026, 1, 11, 8), EventStatus.POSTPONED, reason="Por confirmar"),
            override(lima(2026, 1, 18, 8), EventStatus.RESCHEDULED, new_start=lima(2026, 1, 18, 15)),
        ],
    )
    found = series.between(*day_range(dt.date(2026, 1, 10), dt.date(2026, 1, 19)))
    assert [(o.start.isoformat(), o.end.isoformat(), o.status) for o in found] == [
        ("2026-01-11T08:00:00-05:00", "2026-01-11T09:00:00-05:00", "postergado"),
        ("2026-01-18T15:00:00-05:00", "2026-01-18T16:00:00-05:00", "reprogramado"),
    ]


def test_override_of_a_date_the_rule_does_not_have_is_ignored():
    series = Series(
        start=lima(2026, 1, 4, 8),
        end=lima(2026, 1, 4, 9),
        recurrence="FREQ=WEEKLY;BYDAY=SU",
        overrides=[override(lima(2026, 1, 6, 8), EventStatus.RESCHEDULED, new_start=lima(2026, 1, 7, 8))],
    )
    assert series.between(*day_range(dt.date(2026, 1, 5), dt.date(2026, 1, 10))) == []


def test_event_level_status_applies_to_every_occurrence():
    yearly = dict(start=lima(2024, 3, 23, 10), end=lima(2024, 3, 23, 12), recurrence="FREQ=YEARLY")
    postponed = Series(**yearly, status=EventStatus.POSTPONED, reason="Fecha por definir")
    assert {
        (o.status, o.reason) for o in postponed.between(*day_range(dt.date(2024, 1, 1), dt.date(2026, 12, 31)))
    } == {("postergado", "Fecha por definir")}
    cancelled = Series(
        **yearly,
        status=EventStatus.CANCELLED,
        reason="Duelo",
        overrides=[override(lima(2025, 3, 23, 10), EventStatus.RESCHEDULED, new_start=lima(2025, 3, 24, 10))],
    )
    found = cancelled.between(*day_range(dt.date(2024, 1, 1), dt.date(2026, 12, 31)))
    assert [o.status for o in found] == ["cancelado"] * 3


@pytest.mark.parametrize(
    "rule,last",
    [
        ("FREQ=WEEKLY;COUNT=3", "2026-01-18"),
        ("FREQ=WEEKLY;UNTIL=20260118", "2026-01-18"),
        ("FREQ=WEEKLY;UNTIL=20260118T130000Z", "2026-01-18"),  # 08:00 in Lima: inclusive
        ("FREQ=WEEKLY;UNTIL=20260118T125959Z", "2026-01-11"),
    ],
)
def test_count_and_until_end_the_series(rule, last):
    series = Series(start=lima(2026, 1, 4, 8), end=lima(2026, 1, 4, 9), recurrence=rule)
    found = series.between(*day_range(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    assert found[-1].start.date().isoformat() == last
    first, end = series.span()
    assert first == lima(2026, 1, 4, 8)
    assert end == found[-1].end


def test_span_of_an_endless_rule_and_of_moved_occurrences():
    endless = Series(start=lima(2026, 1, 4, 8), end=lima(2026, 1, 4, 9), recurrence="FREQ=DAILY")
    assert endless.span() == (lima(2026, 1, 4, 8), None)
    single = Series(
        start=lima(2026, 5, 1, 8),
        end=lima(2026, 5, 1, 9),
        overrides=[override(lima(2026, 5, 1, 8), EventStatus.RESCHEDULED, new_start=lima(2026, 4, 20, 8))],
    )
    assert single.span() == (lima(2026, 4, 20, 8), lima(2026, 5, 1, 9))


def test_expansion_is_bounded_by_the_range_and_capped():
    series = Series(start=lima(1950, 1, 1, 8), end=lima(1950, 1, 1, 9), recurrence="FREQ=DAILY")
    assert len(series.between(*day_range(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))) == 366
    assert len(series.original_starts(dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1))) == MAX_OCCURRENCES


def test_upcoming_includes_ongoing_occurrences_and_skips_finished_ones():
    series = Series(start=lima(2026, 6, 18), end=lima(2026, 6, 24), all_day=True, recurrence="FREQ=YEARLY")
    ongoing = series.upcoming(lima(2027, 6, 20, 12), count=2)
    assert [o.start.date().isoformat() for o in ongoing] == ["2027-06-18", "2028-06-18"]
    past_single = Series(start=lima(2026, 1, 4, 8), end=lima(2026, 1, 4, 9))
    assert past_single.upcoming(lima(2026, 1, 4, 9, 1)) == []
    assert len(past_single.upcoming(lima(2026, 1, 4, 8, 30))) == 1


def test_upcoming_sees_an_occurrence_moved_from_the_past_into_the_future():
    series = Series(
        start=lima(2026, 1, 4, 8),
        end=lima(2026, 1, 4, 9),
        recurrence="FREQ=WEEKLY;COUNT=2",
        overrides=[override(lima(2026, 1, 4, 8), EventStatus.POSTPONED, new_start=lima(2026, 3, 1, 8))],
    )
    assert starts(series.upcoming(lima(2026, 2, 1))) == ["2026-03-01T08:00:00-05:00"]


def test_invalid_stored_rule_or_dates_do_not_break_expansion():
    series = Series(
        start=lima(2026, 1, 4, 8), end=lima(2026, 1, 4, 9), recurrence="FREQ=WEEKLY;BYDAY=XX", exception_dates="ayer"
    )
    assert not series.is_recurring
    assert len(series.between(*day_range(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))) == 1


@pytest.mark.parametrize(
    "rule",
    ["FREQ=HOURLY", "FREQ=DAILY;BYHOUR=8,16", "FREQ=WEEKLY;COUNT=2;UNTIL=20260101", "FREQ=YEARLY;UNTIL=2026", "X=1"],
)
def test_validator_rejects_rules_the_calendar_cannot_publish(rule):
    with pytest.raises(ValidationError):
        validate_rrule(rule)


@pytest.mark.parametrize("rule", ["FREQ=YEARLY", "RRULE:FREQ=WEEKLY;BYDAY=SU", "FREQ=WEEKLY;UNTIL=20261231T235959Z"])
def test_validator_accepts_rfc_5545_rules(rule):
    validate_rrule(rule)


def test_out_of_range_dates_are_refused_by_validation_and_survive_expansion(site_tree):
    from events.models import CivicEventPage, EventOccurrenceOverride

    page = CivicEventPage(
        title="x", slug="x", event_type="otro", place="Cusco", start=lima(2026, 1, 1), end=lima(9999, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"end"}
    page.end = lima(2027, 6, 1)
    with pytest.raises(ValidationError, match="366"):
        page.clean()
    with pytest.raises(ValidationError) as error:
        EventOccurrenceOverride(original_start=lima(1, 1, 2, 0), status="cancelado").clean()
    assert set(error.value.message_dict) == {"original_start"}
    series = Series(start=lima(2026, 1, 1), end=lima(9999, 1, 1))
    assert len(series.between(*day_range(dt.date(2026, 1, 1), dt.date(2026, 1, 31)))) == 1
