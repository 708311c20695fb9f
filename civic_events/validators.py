"""Validation of RFC 5545 recurrence rules and exception dates entered by editors."""

import datetime

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


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
    try:
        first = rrulestr(text, dtstart=datetime.datetime(2000, 1, 1)).after(datetime.datetime(1999, 12, 31))
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
