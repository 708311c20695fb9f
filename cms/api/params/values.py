"""Parsers of one parameter value. Ids and numbers are ASCII digits only: ``str.isdigit()``
and ``\\d`` accept '²' or '٣', which ``int()`` then refuses or reads as another number."""

import datetime
import re

MAX_ID = 2**31 - 1
MAX_BIGINT = 2**63 - 1
ASCII_INT_RE = re.compile(r"-?[0-9]{1,19}")
SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,100}")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATETIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+([+-][0-9]{2}:?[0-9]{2}|Z)?)?")
HOST_RE = re.compile(r"[-a-zA-Z0-9.]{1,255}(:[0-9]{1,5})?")


class InvalidParam(ValueError):
    """A value that does not parse; the message says what was expected (the name is added by the caller)."""


def parse_int(value, minimum=-MAX_BIGINT, maximum=MAX_BIGINT):
    if not ASCII_INT_RE.fullmatch(value) or not minimum <= int(value) <= maximum:
        raise InvalidParam(f"must be an integer from {minimum} to {maximum} (ASCII digits)")
    return int(value)


def parse_id(value):
    if not ASCII_INT_RE.fullmatch(value) or not 0 < int(value) <= MAX_ID:
        raise InvalidParam("must be a positive integer id")
    return int(value)


def parse_boolean(value):
    """Stock v2's mapping: true/1 and false/0 (case-sensitive)."""
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise InvalidParam(f"expected 'true' or 'false', got '{value}'")


def parse_slug(value):
    if not SLUG_RE.fullmatch(value):
        raise InvalidParam("must be a slug (letters, digits, '-' and '_')")
    return value


def parse_date(value):
    try:
        if DATE_RE.fullmatch(value):
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise InvalidParam("must be a date as YYYY-MM-DD")


def parse_datetime(value):
    try:
        if DATETIME_RE.fullmatch(value):
            return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    raise InvalidParam("must be an ISO 8601 date-time, e.g. 2025-06-24T10:00:00-05:00")


def parse_text(value):
    return value


def parse_host(value):
    """``hostname`` or ``hostname:port`` as stock's ``site=`` takes it."""
    if not HOST_RE.fullmatch(value):
        raise InvalidParam("must be a site's hostname, optionally with ':port'")
    hostname, _colon, port = value.partition(":")
    return hostname, int(port) if port else None


def choice_parser(choices):
    values = [value for value, _label in choices]

    def parse(value):
        if value not in values:
            raise InvalidParam("must be one of: " + ", ".join(values))
        return value

    parse.choices = values
    return parse
