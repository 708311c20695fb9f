"""Per page type API configuration: which field is "the date", which extra filters apply.

Apps register their types from their own ``api.py`` (autodiscovered), e.g. ``news/api.py``::

    register_page_type("news.SpeechPage", date_field="delivered_on",
                       filters=[ParamFilter("speaker", "speaker_id", parse_id, "Orador (id de cms.Person).")])

``date_from``/``date_to`` and ``order=date``/``-date`` use ``date_field``; each
``ParamFilter`` becomes a query parameter of ``/api/v2/pages/`` (documented in the schema)
that is accepted only together with ``type=`` naming a type that declares it. Its value is
parsed by ``parse``, one of the parsers of ``cms.api.params.values``.
"""

from dataclasses import dataclass, field

from django.apps import apps


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
