"""Query parameters of the public endpoints: a whitelist, each one validated (400, never 500)."""

import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import DateTimeField
from wagtail.api.v2.utils import BadRequestError
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page, get_page_models

from cms.api.registry import InvalidParam, all_filters, page_type_config, parse_date, parse_id
from cms.api.scopes import SCOPE_PARAMS, scope_filters

MAX_OFFSET = 10_000
MAX_SEARCH_LENGTH = 255
COMMON_PARAMS = {"limit", "offset", "search", "search_operator", "order"}
PAGE_PARAMS = COMMON_PARAMS | {
    "fields",
    "type",
    "locale",
    "slug",
    "child_of",
    "descendant_of",
    "date_from",
    "date_to",
    "rich_text_format",
}
PAGE_ORDERS = ["id", "title", "first_published_at", "last_published_at", "date"]
MEDIA_ORDERS = ["id", "title", "created_at"]


def limit_max():
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 50)


@dataclass
class ListingParams:
    limit: int = 20
    offset: int = 0
    search: str | None = None
    search_operator: str | None = None
    order: str | None = None
    extra: dict = field(default_factory=dict)


def _value(request, name):
    values = request.GET.getlist(name)
    if len(values) > 1:
        raise BadRequestError(f"'{name}' was given more than once")
    value = values[0]
    if "\x00" in value:
        raise BadRequestError(f"'{name}' contains a null character")
    return value


def _int(request, name, minimum, maximum):
    value = _value(request, name)
    if not value.lstrip("-").isdigit() or not minimum <= int(value) <= maximum:
        raise BadRequestError(f"'{name}' must be an integer from {minimum} to {maximum}")
    return int(value)


def check_params(request, allowed):
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise BadRequestError("unknown query parameter(s): " + ", ".join(unknown))


def common_params(request, orders):
    params = ListingParams()
    if "limit" in request.GET:
        params.limit = _int(request, "limit", 1, limit_max())
    if "offset" in request.GET:
        params.offset = _int(request, "offset", 0, MAX_OFFSET)
    if "search" in request.GET:
        # Control characters carry no meaning in a search and upset some engines.
        params.search = "".join(ch for ch in _value(request, "search") if unicodedata.category(ch)[0] != "C").strip()
        if len(params.search) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"'search' is longer than {MAX_SEARCH_LENGTH} characters")
    if "search_operator" in request.GET:
        params.search_operator = _value(request, "search_operator")
        if params.search_operator not in ("and", "or"):
            raise BadRequestError("'search_operator' must be 'and' or 'or'")
    if "order" in request.GET:
        params.order = _value(request, "order")
        if params.order.lstrip("-") not in orders or params.order.count("-") > 1:
            raise BadRequestError("'order' must be one of: " + ", ".join(orders) + " (prefix '-' for descending)")
    return params


def page_type_from(request):
    if "type" not in request.GET:
        return Page
    value = _value(request, "type")
    try:
        model = resolve_model_string(value)
    except (LookupError, ValueError):
        model = None
    if model is not Page and model not in get_page_models():
        raise BadRequestError(f"unknown page type '{value}'; use app_label.ModelName, e.g. news.NewsPage")
    return model


def page_params(request):
    """Validate every query parameter of the pages listing; returns (model, params)."""
    type_filters = all_filters()
    check_params(request, PAGE_PARAMS | SCOPE_PARAMS | set(type_filters))
    model = page_type_from(request)
    config = page_type_config(model)
    params = common_params(request, PAGE_ORDERS)
    filters = {}
    if "locale" in request.GET:
        locale = _value(request, "locale")
        if locale not in dict(settings.LANGUAGES):
            raise BadRequestError("'locale' must be one of: " + ", ".join(dict(settings.LANGUAGES)))
        filters["locale__language_code"] = locale
    if "slug" in request.GET:
        filters["slug"] = _value(request, "slug")
    for name in ("child_of", "descendant_of"):
        if name in request.GET:
            params.extra[name] = _id_param(request, name)
    if "rich_text_format" in request.GET and _value(request, "rich_text_format") != "html":
        raise BadRequestError("'rich_text_format' must be 'html' (the only public format)")
    if "date_from" in request.GET or "date_to" in request.GET or (params.order or "").endswith("date"):
        filters.update(_date_filters(request, model, config))
        if (params.order or "").endswith("date"):
            params.order = params.order.replace("date", config.date_field)
    for name, declared in type_filters.items():
        if name in request.GET:
            param = config.filters.get(name)
            if param is None:
                types = ", ".join(label for label, _param in declared)
                raise BadRequestError(f"'{name}' needs type= one of: {types}")
            try:
                filters[param.lookup] = param.parse(_value(request, name))
            except InvalidParam as exc:
                raise BadRequestError(f"'{name}' {exc}") from exc
    params.extra["filters"] = filters
    params.extra["scopes"] = scope_filters(model, {n: _value(request, n) for n in SCOPE_PARAMS if n in request.GET})
    return model, config, params


def _id_param(request, name):
    try:
        return parse_id(_value(request, name))
    except InvalidParam as exc:
        raise BadRequestError(f"'{name}' {exc}") from exc


def _date_filters(request, model, config):
    if not config.date_field:
        raise BadRequestError("date filters and order=date need type= a dated page type")
    dates = {}
    for name in ("date_from", "date_to"):
        if name in request.GET:
            try:
                dates[name] = parse_date(_value(request, name))
            except InvalidParam as exc:
                raise BadRequestError(f"'{name}' {exc}") from exc
    if "date_from" in dates and "date_to" in dates and dates["date_from"] > dates["date_to"]:
        raise BadRequestError("'date_from' is after 'date_to'")
    is_datetime = isinstance(model._meta.get_field(config.date_field), DateTimeField)
    lookup = f"{config.date_field}__date" if is_datetime else config.date_field
    filters = {}
    if "date_from" in dates:
        filters[f"{lookup}__gte"] = dates["date_from"]
    if "date_to" in dates:
        filters[f"{lookup}__lte"] = dates["date_to"]
    return filters
