"""Admin endpoint of the recurrence editor: the next dates of the series being edited, in Lima time.

GET with the editor's current field values (start, end, all_day, recurrence, exception_dates);
answers JSON: the rule read back as editor state, a sentence in Spanish, the next dates, or the
error the form would show. Computed with events.recurrence, exactly as the calendar publishes.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.template.defaultfilters import date as date_format
from django.utils import timezone
from django.utils.translation import gettext as _

from events.recurrence import LIMA, Series, local_naive
from events.recurrence_editor import rule_to_state
from events.recurrence_text import describe
from events.validators import validate_exception_dates, validate_rrule

INPUT_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d")
COUNT = 5
LONG_DATE = r"l j \d\e F \d\e Y"


def parse_moment(value):
    for fmt in INPUT_FORMATS:
        try:
            return dt.datetime.strptime((value or "").strip(), fmt).replace(tzinfo=LIMA)
        except ValueError:
            continue
    return None


def occurrence_label(occurrence):
    start, end = occurrence.start.astimezone(LIMA), occurrence.end.astimezone(LIMA)
    if occurrence.all_day:
        label = date_format(start, LONG_DATE)
        if occurrence.last_day != start.date():
            label += " – " + date_format(occurrence.last_day, LONG_DATE)
        return label
    same_day = end.date() == start.date()
    return date_format(start, LONG_DATE + ", H:i") + " – " + date_format(end, "H:i" if same_day else r"j \d\e F, H:i")


def recurrence_preview(request):
    rule = request.GET.get("recurrence", "").strip()
    all_day = request.GET.get("all_day") in ("true", "on", "1")
    start = parse_moment(request.GET.get("start"))
    end = parse_moment(request.GET.get("end")) or start
    exception_dates = request.GET.get("exception_dates", "")
    state = rule_to_state(rule, all_day)
    body = {"state": state, "description": describe(state, start.date() if start else None), "dates": [], "error": ""}
    try:
        validate_rrule(rule)
        validate_exception_dates(exception_dates)
    except ValidationError as error:
        body["error"] = " ".join(error.messages)
        return JsonResponse(body)
    if start is None:
        body["error"] = _("Indique el inicio para ver las próximas fechas.")
        return JsonResponse(body)
    series = Series(
        start=start,
        end=end,
        all_day=all_day,
        recurrence=rule,
        exception_dates=exception_dates,
    )
    if series.is_recurring and series.rule.after(series.start, inc=True) != series.start:
        body["error"] = _("El inicio debe ser una de las fechas de la regla de repetición.")
    # Not yet over at this moment: a future activity's list starts with its first date.
    body["dates"] = [occurrence_label(o) for o in series.upcoming(timezone.now(), COUNT)]
    body["first"] = local_naive(start).date().isoformat()
    return JsonResponse(body)
