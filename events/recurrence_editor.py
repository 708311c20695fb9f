"""The plain-Spanish recurrence editor's state and its RRULE, both ways.

``rule_to_state`` reads an RRULE into what the editor shows (how often, which days, until when);
``state_to_rule`` writes it back. A rule the editor cannot show (INTERVAL, BYSETPOS, several
weekdays in a month…) gives ``None``: it stays editable as text in the "avanzado" field. The
order and spelling of the parts are kept, so a rule that is read and written back is unchanged
(events/static/events/recurrence.js writes the same way; tests check both).
"""

import datetime as dt
import re

from events.recurrence import until_local

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQS = {"DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly", "YEARLY": "yearly"}
ORDINALS = (1, 2, 3, 4, -1)
# Parts the editor writes, in the order it writes new ones.
CANONICAL_ORDER = ("FREQ", "BYMONTH", "BYMONTHDAY", "BYDAY", "COUNT", "UNTIL")
ALLOWED = {
    "daily": {"FREQ", "COUNT", "UNTIL"},
    "weekly": {"FREQ", "BYDAY", "COUNT", "UNTIL"},
    "monthly": {"FREQ", "BYMONTHDAY", "BYDAY", "COUNT", "UNTIL"},
    "yearly": {"FREQ", "BYMONTH", "BYMONTHDAY", "COUNT", "UNTIL"},
}
NTH_WEEKDAY = re.compile(r"^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$")
UNTIL_VALUE = re.compile(r"^\d{8}(T\d{6}Z?)?$")


def empty_state():
    return {
        "freq": "none",
        "weekdays": [],
        "monthly_mode": "day",
        "month_day": None,
        "ordinal": None,
        "ordinal_weekday": None,
        "year_month": None,
        "year_day": None,
        "end": "never",
        "until": None,
        "until_raw": None,
        "count": None,
        "prefix": "",
        "order": [],
    }


def _split(text):
    """[(KEY, value)] of an RRULE body, or None when it is not KEY=value;KEY=value."""
    pairs = []
    for chunk in text.split(";"):
        key, sep, value = chunk.partition("=")
        if not sep or not key or not value or key != key.strip().upper() or value != value.strip():
            return None
        pairs.append((key, value))
    keys = [key for key, _ in pairs]
    return pairs if len(set(keys)) == len(keys) else None


def _int(value, low, high):
    if not re.fullmatch(r"-?\d+", value):
        return None
    number = int(value)
    return number if low <= number <= high and number != 0 else None


def rule_to_state(text, all_day=False):
    """The editor's state for an RRULE (empty: no repetition), or None if it cannot show it."""
    state = empty_state()
    text = (text or "").strip()
    if not text:
        return state
    if text.startswith("RRULE:"):
        state["prefix"], text = "RRULE:", text[6:]
    pairs = _split(text)
    if not pairs or pairs[0][0] != "FREQ" or pairs[0][1] not in FREQS:
        return None
    parts = dict(pairs)
    freq = state["freq"] = FREQS[parts["FREQ"]]
    if not parts.keys() <= ALLOWED[freq] or ("COUNT" in parts and "UNTIL" in parts):
        return None
    state["order"] = [key for key, _ in pairs]
    if freq == "weekly" and "BYDAY" in parts:
        days = parts["BYDAY"].split(",")
        if not set(days) <= set(WEEKDAYS) or len(set(days)) != len(days):
            return None
        state["weekdays"] = days
    if freq == "monthly":
        if "BYDAY" in parts and "BYMONTHDAY" in parts:
            return None
        if "BYDAY" in parts:
            match = NTH_WEEKDAY.match(parts["BYDAY"])
            if not match:
                return None
            state.update(monthly_mode="weekday", ordinal=int(match[1]), ordinal_weekday=match[2])
        elif "BYMONTHDAY" in parts:
            state["month_day"] = _int(parts["BYMONTHDAY"], -1, 31)
            if state["month_day"] is None:
                return None
    if freq == "yearly" and ("BYMONTH" in parts or "BYMONTHDAY" in parts):
        month = _int(parts.get("BYMONTH", ""), 1, 12)
        day = _int(parts.get("BYMONTHDAY", ""), 1, 31)
        if month is None or day is None:
            return None
        state.update(year_month=month, year_day=day)
    if "COUNT" in parts:
        state["count"] = _int(parts["COUNT"], 1, 1000)
        if state["count"] is None:
            return None
        state["end"] = "count"
    if "UNTIL" in parts:
        if not UNTIL_VALUE.match(parts["UNTIL"]):
            return None
        try:
            state["until"] = until_local(parts["UNTIL"], all_day).date().isoformat()
        except ValueError:
            return None
        state.update(end="until", until_raw=parts["UNTIL"])
    return state


def _until_value(state, all_day):
    """The stored UNTIL when the editor did not change its date, else the chosen date (AAAAMMDD)."""
    day = dt.date.fromisoformat(state["until"])
    raw = state.get("until_raw")
    if raw:
        try:
            if until_local(raw, all_day).date() == day:
                return raw
        except ValueError:
            pass
    return day.strftime("%Y%m%d")


def state_to_rule(state, all_day=False):
    """The RRULE an editor state stands for ("" for no repetition)."""
    freq = state.get("freq", "none")
    if freq == "none":
        return ""
    parts = {"FREQ": next(key for key, name in FREQS.items() if name == freq)}
    if freq == "weekly" and state.get("weekdays"):
        parts["BYDAY"] = ",".join(state["weekdays"])
    if freq == "monthly":
        if state.get("monthly_mode") == "weekday" and state.get("ordinal") and state.get("ordinal_weekday"):
            parts["BYDAY"] = f"{state['ordinal']}{state['ordinal_weekday']}"
        elif state.get("monthly_mode") != "weekday" and state.get("month_day"):
            parts["BYMONTHDAY"] = str(state["month_day"])
    if freq == "yearly" and state.get("year_month") and state.get("year_day"):
        parts["BYMONTH"] = str(state["year_month"])
        parts["BYMONTHDAY"] = str(state["year_day"])
    if state.get("end") == "count" and state.get("count"):
        parts["COUNT"] = str(state["count"])
    elif state.get("end") == "until" and state.get("until"):
        parts["UNTIL"] = _until_value(state, all_day)
    order = [key for key in state.get("order") or [] if key in parts]
    order += [key for key in CANONICAL_ORDER if key in parts and key not in order]
    return state.get("prefix", "") + ";".join(f"{key}={parts[key]}" for key in order)
