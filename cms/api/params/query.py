"""Reading a request's query parameters the way stock Wagtail API v2 does."""

from wagtail.api.v2.utils import BadRequestError

from cms.api.params.values import InvalidParam

# Accepted everywhere and ignored, as stock does: jQuery's cache-buster and DRF's format switch.
IGNORED = {"_"}
FORMATS = {"json"}


class Query:
    """A request's parameters: the last of a repeated parameter wins (``QueryDict[name]``)."""

    def __init__(self, request):
        self.data = request.GET

    def __contains__(self, name):
        return name in self.data

    def names(self):
        return set(self.data)

    def raw(self, name, default=None):
        if name not in self.data:
            return default
        value = self.data[name]
        if "\x00" in value:
            raise BadRequestError(f"'{name}' contains a null character")
        return value

    def parsed(self, name, parse, default=None):
        """``parse(value)`` of the parameter, or ``default`` when absent; 400 when it does not parse."""
        value = self.raw(name)
        if value is None:
            return default
        try:
            return parse(value)
        except InvalidParam as exc:
            raise BadRequestError(f"'{name}' {exc}") from exc

    def check_known(self, allowed, what="query parameter is not an operation or a recognised field"):
        unknown = sorted(self.names() - set(allowed) - IGNORED - {"format"})
        if unknown:
            raise BadRequestError(f"{what}: " + ", ".join(unknown))
        fmt = self.raw("format")
        if fmt is not None and fmt not in FORMATS:
            raise BadRequestError("'format' must be 'json' (the only format of this API)")
