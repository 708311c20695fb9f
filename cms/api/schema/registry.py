"""The extension point of /api/schema/: other apps add their public endpoints here.

From an app's ``api.py`` (autodiscovered at start-up)::

    from cms.api.schema.registry import register_openapi

    register_openapi(
        paths={"/api/v2/calendar/": {"get": {...operation...}}},
        components={"CalendarOccurrence": {...json schema...}},
        tags=[{"name": "calendar", "description": "Calendario cívico"}],
    )

Operations may use the shared components: ``#/components/schemas/Error``,
``#/components/headers/ETag`` / ``CacheControl`` / ``LastModified`` and
``#/components/responses/NotModified`` (see ``cms.api.schema.builder``).
"""

_paths = {}
_components = {}
_tags = []


def register_openapi(paths=None, components=None, tags=None):
    _paths.update(paths or {})
    _components.update(components or {})
    _tags.extend(tag for tag in (tags or []) if tag not in _tags)


def contributions():
    return dict(_paths), dict(_components), list(_tags)
