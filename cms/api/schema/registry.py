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

JSON = "application/json"
ERROR = {"$ref": "#/components/schemas/Error"}
NOT_MODIFIED = {"$ref": "#/components/responses/NotModified"}
URI_TOO_LONG = {"$ref": "#/components/responses/URITooLong"}

_paths = {}
_components = {}
_tags = []


def register_openapi(paths=None, components=None, tags=None):
    _paths.update(paths or {})
    _components.update(components or {})
    _tags.extend(tag for tag in (tags or []) if tag not in _tags)


def contributions():
    return dict(_paths), dict(_components), list(_tags)


def error_response(description, headers=None):
    """A 4xx answered with the shared ``{"message": …}`` JSON body."""
    response = {"description": description, "content": {JSON: {"schema": ERROR}}}
    if headers:
        response["headers"] = headers
    return response


def cache_headers():
    """``ETag`` and ``Cache-Control``, both always present on a 200 from a public endpoint."""
    return {
        "ETag": {"$ref": "#/components/headers/ETag"},
        "Cache-Control": {"$ref": "#/components/headers/CacheControl"},
    }


def query_param(name, description, schema=None, required=False, location="query"):
    return {
        "name": name,
        "in": location,
        "required": required,
        "description": description,
        "schema": schema or {"type": "string"},
    }
