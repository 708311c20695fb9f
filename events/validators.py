"""Validation of RFC 5545 recurrence rules and exception dates entered by editors."""

import datetime
import re

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
YEARS = range(1900, 2201)
MAX_DURATION = datetime.timedelta(days=366)
# The time of every occurrence is the start's time: no rule may add times within a day.
TIME_PARTS = {"BYHOUR", "BYMINUTE", "BYSECOND"}


def validate_rrule(value):
    """A single RRULE body such as ``FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=24``."""
    if not value:
        return
    text = value.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if "\n" in text or "DTSTART" in text.upper():
        raise ValidationError(_("Escriba solo una regla RRULE, sin DTSTART ni otras líneas."))
    parts = dict(part.split("=", 1) for part in text.upper().split(";") if "=" in part)
    if parts.get("FREQ") not in ALLOWED_FREQS:
        raise ValidationError(_("La regla debe indicar FREQ=DAILY, WEEKLY, MONTHLY o YEARLY."))
    if TIME_PARTS & parts.keys():
        raise ValidationError(_("No use BYHOUR, BYMINUTE ni BYSECOND: la hora se toma del inicio de la actividad."))
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValidationError(_("Use COUNT o UNTIL, no ambos."))
    if "UNTIL" in parts and not re.fullmatch(r"\d{8}(T\d{6}Z?)?", parts["UNTIL"]):
        raise ValidationError(_("UNTIL debe ser una fecha AAAAMMDD o una fecha y hora AAAAMMDDTHHMMSSZ."))
    try:
        if "UNTIL" in parts:
            datetime.datetime.strptime(
                parts["UNTIL"].rstrip("Z"), "%Y%m%dT%H%M%S" if "T" in parts["UNTIL"] else "%Y%m%d"
            )
        # UNTIL is checked above: in UTC form dateutil would demand an aware DTSTART here.
        without_until = ";".join(p for p in text.split(";") if not p.upper().startswith("UNTIL="))
        rule = rrulestr(without_until, dtstart=datetime.datetime(2000, 1, 1))
        first = rule.after(datetime.datetime(1999, 12, 31))
    except (ValueError, TypeError, IndexError) as exc:
        raise ValidationError(_("Regla de repetición no válida: %(error)s"), params={"error": exc}) from exc
    if first is None:
        raise ValidationError(_("La regla de repetición no produce ninguna fecha."))


def parse_exception_dates(value):
    """One ISO date (YYYY-MM-DD) per line; returns a sorted list of dates."""
    dates = []
    for line in (value or "").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            dates.append(datetime.date.fromisoformat(line))
        except ValueError as exc:
            raise ValidationError(
                _("Fecha de excepción no válida: «%(line)s». Use el formato AAAA-MM-DD."), params={"line": line}
            ) from exc
    return sorted(set(dates))


def validate_exception_dates(value):
    parse_exception_dates(value)


def moment_errors(**moments):
    """Field errors for dates outside the years the calendar publishes (1900-2200)."""
    return {
        name: _("Use una fecha entre los años %(first)s y %(last)s.") % {"first": YEARS.start, "last": YEARS.stop - 1}
        for name, value in moments.items()
        if value is not None and value.year not in YEARS
    }


def duration_error(start, end):
    """A message when one occurrence would last longer than MAX_DURATION."""
    if start and end and end - start > MAX_DURATION:
        return _("Una actividad no puede durar más de %(days)s días: use una regla de repetición.") % {
            "days": MAX_DURATION.days
        }
    return None
