"""Query and path parameters of the OpenAPI document (cms.api.schema.builder uses them)."""

from django.conf import settings
from wagtail.models import Page, get_page_models

from cms.api.params.fields import orderable
from cms.api.params.listing import LIMIT_CEILING, MAX_OFFSET, MAX_SEARCH_LENGTH, limit_max
from cms.api.params.pages import EXTRA_ORDERS, RICH_TEXT_FORMATS, ROOT
from cms.api.registry import all_filters, date_types
from cms.api.schema.registry import query_param as _param
from cms.api.views import PublicPagesAPIViewSet

ORDER_PATTERN = r"^(random|-?[a-z_]+(,-?[a-z_]+)*)$"
ROOT_OR_ID = {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "enum": [ROOT]}]}


def common_parameters(orders):
    maximum = limit_max() or LIMIT_CEILING
    return [
        _param(
            "limit",
            "Elementos por página (máximo WAGTAILAPI_LIMIT_MAX); 0 da solo meta.total_count.",
            {"type": "integer", "minimum": 0, "maximum": maximum, "default": min(20, maximum)},
        ),
        _param(
            "offset", "Elementos a saltar.", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}
        ),
        _param(
            "search",
            "Búsqueda de texto (motor de búsqueda de Wagtail).",
            {"type": "string", "maxLength": MAX_SEARCH_LENGTH},
        ),
        _param("search_operator", "Cómo combinar los términos buscados.", {"type": "string", "enum": ["and", "or"]}),
        _param(
            "order",
            "Orden como en Wagtail API v2: uno o varios campos separados por comas, '-' delante para "
            "descendente, o `random` (sin offset). Campos: " + ", ".join(sorted(orders)) + ".",
            {"type": "string", "pattern": ORDER_PATTERN},
        ),
        _param(
            "fields",
            "Campos a incluir: `*` todos, `-campo` quita, `_` ninguno, `imagen(width)` subcampos "
            "(sintaxis de Wagtail API v2).",
            {"type": "string", "pattern": r"^[-*_a-zA-Z0-9(),]*$"},
        ),
        _param("format", "Como en Wagtail API v2: solo `json`.", {"type": "string", "enum": ["json"]}),
        _param("_", "Ignorado (el cache-buster de jQuery, como en Wagtail API v2)."),
    ]


def field_filter_parameters(model, names, skip=()):
    """Stock v2's exact-match filters: every API field that is a database field."""
    from cms.api.params.fields import filterable, value_parser
    from cms.api.params.values import parse_boolean, parse_date, parse_datetime, parse_id, parse_int

    schemas = {
        parse_boolean: {"type": "string", "enum": ["true", "false", "1", "0"]},
        parse_id: {"type": "integer", "minimum": 1},
        parse_int: {"type": "integer"},
        parse_date: {"type": "string", "format": "date"},
        parse_datetime: {"type": "string", "format": "date-time"},
    }
    params = []
    for name, field in sorted(filterable(model, names).items()):
        parse = value_parser(field)
        if name in skip or parse is None:
            continue
        schema = schemas.get(parse, {"type": "string"})
        params.append(_param(name, f"Filtro exacto por `{name}` (como en Wagtail API v2).", schema))
    return params


def page_parameters():
    types = sorted(model._meta.label for model in get_page_models() if model is not Page)
    names = PublicPagesAPIViewSet.api_field_names(Page)
    params = [
        *common_parameters(orderable(Page, names) | EXTRA_ORDERS),
        _param(
            "type",
            "Tipo(s) de página (app.Modelo, varios separados por comas). Un solo tipo habilita sus campos "
            "en `fields`, `order` y como filtros, y sus filtros propios. Tipos: " + ", ".join(types) + ".",
            {"type": "string", "pattern": r"^[a-zA-Z_]+\.[a-zA-Z]+(,[a-zA-Z_]+\.[a-zA-Z]+)*$"},
        ),
        _param("locale", "Idioma.", {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]}),
        _param("child_of", "Hijas directas de la página pública con este id (o `root`).", ROOT_OR_ID),
        _param("descendant_of", "Descendientes de la página pública con este id (o `root`).", ROOT_OR_ID),
        _param(
            "ancestor_of",
            "Ancestros de la página pública con este id (migas de pan).",
            {"type": "integer", "minimum": 1},
        ),
        _param("translation_of", "Traducciones de la página pública con este id (o `root`).", ROOT_OR_ID),
        _param("site", "Páginas de ese sitio: `hostname` o `hostname:puerto`.", {"type": "string"}),
        *field_filter_parameters(Page, names),
        _param(
            "date_from",
            "Desde esta fecha (incluida), sobre el campo de fecha del tipo; requiere type= uno de: "
            + ", ".join(date_types()),
            {"type": "string", "format": "date"},
        ),
        _param(
            "date_to",
            "Hasta esta fecha (incluida); mismas reglas que date_from.",
            {"type": "string", "format": "date"},
        ),
        _param(
            "rich_text_format",
            "Texto enriquecido: `html` (por defecto: listo para mostrar, URL públicas) o `db_html` "
            "(la forma almacenada de Wagtail, como stock).",
            {"type": "string", "enum": list(RICH_TEXT_FORMATS)},
        ),
    ]
    params += [
        _param(
            "campaign",
            "Solo contenido de la campaña publicada con este id (news.CampaignPage): notas, actividades y "
            "publicaciones; con type=, uno de esos tipos.",
            {"type": "integer", "minimum": 1},
        ),
        _param(
            "gestion",
            "Solo contenido de esta gestión municipal (slug de cms.Term, p. ej. 2023-2026).",
            {"type": "string"},
        ),
    ]
    for name, declared in sorted(all_filters().items()):
        _label, param = declared[0]
        types_text = ", ".join(label for label, _p in declared)
        params.append(_param(name, f"{param.description} Requiere type= {types_text}.", param.schema))
    return params
