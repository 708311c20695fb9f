"""Per page type API configuration: which field is "the date", which extra filters apply.

Apps register their types from their own ``api.py`` (autodiscovered), e.g. ``news/api.py``::

    register_page_type("news.SpeechPage", date_field="delivered_on",
                       filters=[ParamFilter("speaker", "speaker_id", parse_id, "Orador (id de cms.Person).")])

``date_from``/``date_to`` and ``order=date``/``-date`` use ``date_field``; each
``ParamFilter`` becomes a query parameter of ``/api/v2/pages/`` (documented in the schema)
that is accepted only together with ``type=`` naming a type that declares it.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.apps import apps

MAX_ID = 2**31 - 1
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


class InvalidParam(ValueError):
    pass


def parse_id(value):
    if not value.isdigit() or not 0 < int(value) <= MAX_ID:
        raise InvalidParam("must be a positive integer id")
    return int(value)


def parse_slug(value):
    if not SLUG_RE.match(value):
        raise InvalidParam("must be a slug (letters, digits, '-' and '_')")
    return value


def parse_date(value):
    try:
        parsed = datetime.date.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or len(value) != 10:
        raise InvalidParam("must be a date as YYYY-MM-DD")
    return parsed


def choice_parser(choices):
    values = [value for value, _label in choices]

    def parse(value):
        if value not in values:
            raise InvalidParam("must be one of: " + ", ".join(values))
        return value

    parse.choices = values
    return parse


@dataclass
class ParamFilter:
    name: str
    lookup: str
    parse: callable
    description: str
    schema: dict = field(default_factory=lambda: {"type": "string"})


@dataclass
class PageTypeAPI:
    label: str
    date_field: str | None = None
    filters: dict = field(default_factory=dict)

    @property
    def model(self):
        return apps.get_model(self.label)


_page_types = {}


def register_page_type(label, date_field=None, filters=()):
    config = PageTypeAPI(label, date_field, {f.name: f for f in filters})
    _page_types[label.lower()] = config
    return config


def page_type_config(model):
    return _page_types.get(model._meta.label_lower) or PageTypeAPI(model._meta.label)


def all_filters():
    """{param name: [(type label, ParamFilter)]} for every registered type filter."""
    found = {}
    for config in _page_types.values():
        for param in config.filters.values():
            found.setdefault(param.name, []).append((config.label, param))
    return found


def date_types():
    return sorted(config.label for config in _page_types.values() if config.date_field)


# The civic calendar's activity pages are filtered by their start. The events app owns the
# rest of its API (calendar, ICS); it may move this line to events/api.py.
register_page_type("events.CivicEventPage", date_field="start")
