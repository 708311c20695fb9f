"""An editor state of events.recurrence_editor in plain Spanish, e.g. "Cada año, el 24 de junio"."""

import datetime as dt

from django.utils.translation import gettext as _

DAY_NAMES = {
    "MO": "lunes",
    "TU": "martes",
    "WE": "miércoles",
    "TH": "jueves",
    "FR": "viernes",
    "SA": "sábado",
    "SU": "domingo",
}
MONTH_NAMES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
PLURAL_DAY_NAMES = {**DAY_NAMES, "SA": "sábados", "SU": "domingos"}
FREQ_NAMES = {"daily": "Cada día", "weekly": "Cada semana", "monthly": "Cada mes", "yearly": "Cada año"}
ORDINAL_NAMES = {1: "primer", 2: "segundo", 3: "tercer", 4: "cuarto", -1: "último"}
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _join(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " y " + words[-1]


def _when(state, start):
    """The "which day" phrase of a repeating state, or "" when the start alone decides it."""
    freq = state["freq"]
    if freq == "weekly":
        days = state["weekdays"] or ([WEEKDAY_CODES[start.weekday()]] if start else [])
        return _("los %(days)s") % {"days": _join([PLURAL_DAY_NAMES[d] for d in days])} if days else ""
    if freq == "monthly":
        if state["monthly_mode"] == "weekday" and state["ordinal"]:
            names = {"nth": ORDINAL_NAMES[state["ordinal"]], "day": DAY_NAMES[state["ordinal_weekday"]]}
            return _("el %(nth)s %(day)s") % names
        day = state["month_day"] or (start.day if start else None)
        if day == -1:
            return _("el último día")
        return _("el día %(day)s") % {"day": day} if day else ""
    if freq == "yearly":
        month, day = state["year_month"], state["year_day"]
        if not month and start:
            month, day = start.month, start.day
        return _("el %(day)s de %(month)s") % {"day": day, "month": MONTH_NAMES[month - 1]} if month else ""
    return ""


def describe(state, start=None):
    """A sentence for the state; ``start`` (a local date) fills in what the rule takes from it."""
    if state is None:
        return _("Regla avanzada: se edita como texto RRULE.")
    if state["freq"] == "none":
        return _("No se repite.")
    phrases = [FREQ_NAMES[state["freq"]]]
    if when := _when(state, start):
        phrases.append(when)
    if state["end"] == "count" and state["count"]:
        phrases.append(_("%(count)s veces en total") % {"count": state["count"]})
    elif state["end"] == "until" and state["until"]:
        until = dt.date.fromisoformat(state["until"])
        names = {"day": until.day, "month": MONTH_NAMES[until.month - 1], "year": until.year}
        phrases.append(_("hasta el %(day)s de %(month)s de %(year)s") % names)
    return ", ".join(phrases) + "."
