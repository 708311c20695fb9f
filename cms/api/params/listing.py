"""limit, offset, search, search_operator and order: shared by every listing."""

import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter

from cms.api.params.values import parse_int

MAX_OFFSET = 10_000
MAX_SEARCH_LENGTH = 255
LIMIT_DEFAULT = 20
# Without WAGTAILAPI_LIMIT_MAX (None: stock's "no limit") one response still stops here.
LIMIT_CEILING = 10_000
COMMON_PARAMS = {"limit", "offset", "search", "search_operator", "order", "fields"}


def limit_max():
    """WAGTAILAPI_LIMIT_MAX; None (or 0) means no maximum, as in stock v2."""
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 50) or None


@dataclass
class ListingParams:
    limit: int = LIMIT_DEFAULT
    offset: int = 0
    search: str | None = None
    search_operator: str | None = None
    order: list = field(default_factory=list)  # [(field name, descending)]
    random: bool = False
    fields: list = field(default_factory=list)  # parse_fields_parameter() of ?fields=
    extra: dict = field(default_factory=dict)


def common_params(query):
    params = ListingParams()
    maximum = limit_max()
    params.limit = min(LIMIT_DEFAULT, maximum or LIMIT_DEFAULT)
    # limit=0 is stock's count trick: meta.total_count and no items.
    params.limit = query.parsed("limit", lambda v: parse_int(v, 0, maximum or LIMIT_CEILING), params.limit)
    params.offset = query.parsed("offset", lambda v: parse_int(v, 0, MAX_OFFSET), 0)
    search = query.raw("search")
    if search is not None:
        # Control characters carry no meaning in a search and upset some engines.
        params.search = "".join(ch for ch in search if unicodedata.category(ch)[0] != "C").strip()
        if len(params.search) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"'search' is longer than {MAX_SEARCH_LENGTH} characters")
    params.search_operator = query.raw("search_operator")
    if params.search_operator not in (None, "and", "or"):
        raise BadRequestError("'search_operator' must be 'and' or 'or'")
    params.fields = fields_config(query)
    return params


def fields_config(query):
    value = query.raw("fields")
    if not value:
        return []
    try:
        return parse_fields_parameter(value)
    except ValueError as exc:
        raise BadRequestError(f"fields error: {exc}") from exc


def order_params(query, params, allowed, aliases=None):
    """``order=a,-b`` or ``order=random`` (stock syntax); ``allowed`` are orderable names."""
    value = query.raw("order")
    if not value:
        return
    names = value.split(",")
    if "random" in names:
        if len(names) > 1:
            raise BadRequestError("random ordering cannot be combined with other fields")
        if "offset" in query:
            raise BadRequestError("random ordering with offset is not supported")
        params.random = True
        return
    for name in names:
        bare = name[1:] if name.startswith("-") else name
        if bare not in allowed:
            raise BadRequestError(
                f"cannot order by '{name}' (unknown field); use one or more of: "
                + ", ".join(sorted(allowed))
                + " ('-' for descending, comma-separated) or random"
            )
        params.order.append(((aliases or {}).get(bare, bare), name.startswith("-")))


def ordering(params, default):
    """The ORDER BY list: the requested fields, then id so that pages never overlap."""
    if params.random:
        return ["?"]
    if not params.order:
        return default
    fields = [("-" if descending else "") + name for name, descending in params.order]
    if not any(name in ("id", "pk") for name, _d in params.order):
        fields.append("-id" if params.order[0][1] else "id")
    return fields
