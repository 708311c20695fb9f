"""Every query parameter of the pages listing, as stock v2 takes it plus our own filters."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import DateTimeField
from wagtail.api.v2.utils import BadRequestError
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page, get_page_models

from cms.api.params.fields import field_filters, filterable, orderable
from cms.api.params.listing import COMMON_PARAMS, common_params, order_params
from cms.api.params.query import Query
from cms.api.params.values import parse_date, parse_host, parse_id
from cms.api.public import of_language
from cms.api.registry import all_filters, page_type_config
from cms.api.scopes import SCOPE_PARAMS, scope_filters

# Stock v2's operations on the pages endpoint, then ours.
STOCK_PAGE_PARAMS = COMMON_PARAMS | {
    "rich_text_format",
    "type",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "locale",
    "site",
}
PAGE_PARAMS = STOCK_PAGE_PARAMS | {"date_from", "date_to"}
TREE_FILTERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")
ROOT = "root"
# Orderable besides the type's API database fields: our additions (see README, API).
EXTRA_ORDERS = {"last_published_at", "date"}
RICH_TEXT_FORMATS = ("html", "db_html")


@dataclass
class PageQuery:
    model: type = Page
    types: tuple = ()
    config: object = None
    params: object = None
    filters: dict = field(default_factory=dict)
    tree: dict = field(default_factory=dict)  # {filter name: page id or ROOT}
    site: tuple | None = None  # (hostname, port or None)
    scopes: list = field(default_factory=list)  # Q objects of ?locale=, ?campaign= and ?gestion= (cms/api/scopes.py)

    @property
    def narrowed(self):
        """Some condition beyond the page type (a field, tree, site or scope filter). A field added
        above that filters must be named here: an unnarrowed one-type listing is counted by content
        type alone (cms.api.views)."""
        return bool(self.filters or self.tree or self.site or self.scopes)


def page_types(query):
    """``type=app.Model[,app.Model…]``: (the model whose fields apply, the page models named)."""
    value = query.raw("type")
    if not value:
        return Page, ()
    models = []
    for label in value.split(","):
        try:
            model = resolve_model_string(label)
        except (LookupError, ValueError):
            model = None
        if model is not Page and model not in get_page_models():
            raise BadRequestError(f"type doesn't exist: '{label}'; use app_label.ModelName, e.g. news.NewsPage")
        models.append(model)
    return (models[0] if len(models) == 1 else Page), tuple(models)


def rich_text_format(query):
    value = query.raw("rich_text_format", "html")
    if value not in RICH_TEXT_FORMATS:
        raise BadRequestError("'rich_text_format' must be 'html' (ready to render, the default) or 'db_html'")
    return value


def tree_value(value):
    return ROOT if value == ROOT else parse_id(value)


def page_query(request, api_fields):
    """Validate every parameter of the pages listing. ``api_fields(model)`` lists the API field
    names of a model (body and meta), as the viewset declares them."""
    query = Query(request)
    model, types = page_types(query)
    config = page_type_config(model)
    names = api_fields(model)
    type_filters = all_filters()
    query.check_known(PAGE_PARAMS | SCOPE_PARAMS | set(filterable(model, names)) | set(type_filters))
    params = common_params(query)
    params.extra["rich_text_format"] = rich_text_format(query)
    result = PageQuery(model=model, types=types, config=config, params=params)
    order_params(query, params, orderable(model, names) | EXTRA_ORDERS, {"date": config.date_field or "date"})
    if any(name == "date" for name, _d in params.order) and not config.date_field:
        raise BadRequestError("order=date needs type= a dated page type")
    for name in TREE_FILTERS:
        if name in query:
            parse = parse_id if name == "ancestor_of" else tree_value
            result.tree[name] = query.parsed(name, parse)
    if "child_of" in result.tree and "descendant_of" in result.tree:
        raise BadRequestError("filtering by descendant_of with child_of is not supported")
    result.site = query.parsed("site", parse_host)
    locale = query.raw("locale")
    if locale is not None and locale not in dict(settings.LANGUAGES):
        raise BadRequestError("'locale' must be one of: " + ", ".join(dict(settings.LANGUAGES)))
    result.scopes = scope_filters(model, {name: query.raw(name) for name in SCOPE_PARAMS if name in query})
    if locale is not None:
        result.scopes.append(of_language(locale))
    own = {name for name in type_filters if name in config.filters} | SCOPE_PARAMS
    lookups, _tags = field_filters(query, model, [name for name in names if name not in own])
    result.filters.update(lookups)
    for name, declared in type_filters.items():
        if name not in query:
            continue
        param = config.filters.get(name)
        if param is None:
            if name in names:
                continue  # an API field of this type: filtered above
            raise BadRequestError(f"'{name}' needs type= one of: " + ", ".join(label for label, _p in declared))
        result.filters[param.lookup] = query.parsed(name, param.parse)
    if "date_from" in query or "date_to" in query:
        result.filters.update(date_filters(query, model, config))
    return result


def date_filters(query, model, config):
    if not config.date_field:
        raise BadRequestError("date filters need type= a dated page type")
    dates = {name: query.parsed(name, parse_date) for name in ("date_from", "date_to") if name in query}
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


def detail_params(request):
    """Detail and resolve: ``fields`` and ``rich_text_format`` read; anything else ignored, as stock."""
    return {"rich_text_format": rich_text_format(Query(request))}
