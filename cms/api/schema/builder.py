"""The OpenAPI 3.1 document of every public endpoint (served at /api/schema/)."""

from wagtail.models import Page, get_page_models

from cms.api.media import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from cms.api.params.fields import orderable
from cms.api.renditions import RENDITIONS
from cms.api.schema.parameters import (
    _param,
    common_parameters,
    field_filter_parameters,
    page_parameters,
)
from cms.api.schema.registry import contributions
from cms.api.schema.types import SchemaBuilder, nullable, ref
from cms.api.views import PublicPagesAPIViewSet
from cms.ratelimit import PREFIXES as RATE_LIMITED_PREFIXES

OPENAPI_VERSION = "3.1.0"
JSON = "application/json"


def _rendition():
    properties = {
        "url": {"type": "string", "format": "uri"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "alt": {"type": "string"},
    }
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def _object(properties, description=None, required=None):
    schema = {"type": "object", "properties": properties, "required": required or list(properties)}
    schema["additionalProperties"] = False
    if description:
        schema["description"] = description
    return schema


def static_components():
    image = {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "alt": {"type": "string"},
        "credit": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "renditions": _object(
            {name: ref("ImageRendition") for name in RENDITIONS},
            "Tamaños con nombre, en WebP: " + ", ".join(f"{n} ({s})" for n, s in RENDITIONS.items()),
        ),
    }
    document = {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "filename": {"type": "string"},
        "size": {"type": ["integer", "null"], "description": "Bytes."},
        "type": {"type": "string", "description": "Extensión del archivo, p. ej. pdf."},
        "content_type": {"type": "string"},
    }
    media_meta = _object(
        {
            "type": {"type": "string"},
            "detail_url": {"type": "string", "format": "uri"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "download_url": {"type": "string", "format": "uri"},
        },
        "Como en Wagtail API v2 (tags y download_url como los de stock).",
        required=["type"],
    )
    page_ref_meta = {
        "type": {"type": "string"},
        "detail_url": nullable({"type": "string", "format": "uri"}),
        "html_url": nullable({"type": "string", "format": "uri"}),
        "html_path": nullable({"type": "string"}),
    }
    return {
        "Error": _object({"message": {"type": "string"}}, "What was wrong with the request."),
        "ImageRendition": _rendition(),
        # Without fields= every property is there; fields= (or main_image(…)) selects some of them.
        "Image": _object({**image, "meta": media_meta}, required=["id"]),
        "Document": _object({**document, "meta": media_meta}, required=["id"]),
        "ImageItem": _object({**image, "meta": media_meta}, required=["id", "meta"]),
        "DocumentItem": _object({**document, "meta": media_meta}, required=["id", "meta"]),
        "PageRef": _object({"id": {"type": "integer"}, "title": {"type": "string"}, "meta": _object(page_ref_meta)}),
        "ListingMeta": _object({"total_count": {"type": "integer", "minimum": 0}}),
    }


def _listing(items_schema):
    return _object({"meta": ref("ListingMeta"), "items": {"type": "array", "items": items_schema}})


def _responses(ok_schema, description, not_found=False, extra=None):
    headers = {
        "ETag": {"$ref": "#/components/headers/ETag"},
        "Cache-Control": {"$ref": "#/components/headers/CacheControl"},
        "Last-Modified": {"$ref": "#/components/headers/LastModified"},
    }
    responses = {
        "200": {"description": description, "headers": headers, "content": {JSON: {"schema": ok_schema}}},
        "304": {"$ref": "#/components/responses/NotModified"},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "414": {"$ref": "#/components/responses/URITooLong"},
    }
    if not_found:
        responses["404"] = {"$ref": "#/components/responses/NotFound"}
    responses.update(extra or {})
    return responses


def _get(summary, tag, parameters, responses, description=""):
    return {
        "get": {
            "summary": summary,
            "description": description,
            "tags": [tag],
            "parameters": parameters,
            "responses": responses,
        }
    }


def _id_param():
    return _param("id", "Id del objeto.", {"type": "integer", "minimum": 1}, location="path", required=True)


def api_paths(page_union):
    fields_params = [p for p in page_parameters() if p["name"] in ("fields", "rich_text_format")]
    media = {}
    for name, viewset in (("images", PublicImagesAPIViewSet), ("documents", PublicDocumentsAPIViewSet)):
        listing = common_parameters(orderable(viewset.model, viewset.filter_fields) | {"created_at"})
        filters = field_filter_parameters(viewset.model, viewset.filter_fields)
        tags = _param("tags", "Etiquetas (separadas por comas): las que tengan todas.")
        media[name] = [*listing, *[p for p in filters if p["name"] != "tags"], tags]
    media_detail = [_id_param(), *[p for p in common_parameters(()) if p["name"] == "fields"]]
    found = {
        "302": {
            "description": "Redirección al detalle (Location), conservando los demás parámetros.",
            "headers": {"Location": {"required": True, "schema": {"type": "string"}}},
        },
        "400": {"$ref": "#/components/responses/BadRequest"},
        "404": {"$ref": "#/components/responses/NotFound"},
    }
    find_id = _param("id", "Id del objeto.", {"type": "integer", "minimum": 1})
    status = {"type": "object", "properties": {"status": {"type": "string"}}, "required": ["status"]}
    readiness = {
        **status,
        "properties": {
            **status["properties"],
            "checks": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
    return {
        "/api/v2/pages/": _get(
            "Páginas publicadas",
            "pages",
            page_parameters(),
            _responses(_listing(page_union), "Listado paginado.", not_found=True),
            "Solo contenido vivo y público. Orden por defecto: fecha descendente del tipo "
            "(si lo tiene), si no orden del árbol. 404 si `site` no nombra ningún sitio (como Wagtail).",
        ),
        "/api/v2/pages/{id}/": _get(
            "Una página",
            "pages",
            [_id_param(), *fields_params],
            _responses(page_union, "Cuerpo de detalle de la página.", not_found=True),
        ),
        "/api/v2/resolve/": _get(
            "La página en una ruta pública",
            "pages",
            [
                _param(
                    "path",
                    "Ruta en el sitio web, con prefijo de idioma si no es el predeterminado.",
                    {"type": "string", "minLength": 1, "maxLength": 1024, "pattern": "^/"},
                    required=True,
                ),
                *fields_params,
            ],
            _responses(page_union, "Cuerpo de detalle (sin redirección).", not_found=True),
        ),
        "/api/v2/images/": _get(
            "Imágenes públicas", "media", media["images"], _responses(_listing(ref("ImageItem")), "Listado.")
        ),
        "/api/v2/images/{id}/": _get(
            "Una imagen", "media", media_detail, _responses(ref("ImageItem"), "Imagen.", not_found=True)
        ),
        "/api/v2/documents/": _get(
            "Documentos públicos", "media", media["documents"], _responses(_listing(ref("DocumentItem")), "Listado.")
        ),
        "/api/v2/documents/{id}/": _get(
            "Un documento", "media", media_detail, _responses(ref("DocumentItem"), "Documento.", not_found=True)
        ),
        "/api/v2/pages/find/": {
            "get": {
                "summary": "Encontrar una página por ruta o id (como Wagtail API v2)",
                "tags": ["pages"],
                "parameters": [
                    _param("html_path", "Ruta pública de la página, p. ej. /notas-de-prensa/mi-nota/."),
                    find_id,
                ],
                "responses": found,
            }
        },
        "/api/v2/images/find/": {
            "get": {
                "summary": "Encontrar una imagen por id",
                "tags": ["media"],
                "parameters": [find_id],
                "responses": found,
            }
        },
        "/api/v2/documents/find/": {
            "get": {
                "summary": "Encontrar un documento por id",
                "tags": ["media"],
                "parameters": [find_id],
                "responses": found,
            }
        },
        "/api/docs/": {
            "get": {
                "summary": "Esta documentación (HTML)",
                "tags": ["meta"],
                "responses": {
                    "200": {
                        "description": "Página de documentación.",
                        "content": {"text/html": {"schema": {"type": "string"}}},
                    },
                    "304": {"$ref": "#/components/responses/NotModified"},
                },
            }
        },
        "/api/schema/": _get("Este documento OpenAPI", "meta", [], _responses({"type": "object"}, "OpenAPI 3.1.")),
        "/healthz": {
            "get": {
                "summary": "Vida del proceso",
                "tags": ["meta"],
                "responses": {"200": {"description": "Vivo.", "content": {JSON: {"schema": status}}}},
            }
        },
        "/readyz": {
            "get": {
                "summary": "Preparado: base de datos, caché y búsqueda",
                "tags": ["meta"],
                "responses": {
                    "200": {"description": "Preparado.", "content": {JSON: {"schema": readiness}}},
                    "503": {
                        "description": "No preparado; `checks` dice qué falla.",
                        "content": {JSON: {"schema": readiness}},
                    },
                },
            }
        },
    }


RETRY_AFTER_HEADER = {"description": "Segundos que esperar antes de reintentar.", "schema": {"type": "string"}}
NO_DATABASE = ("/healthz", "/readyz", "/api/docs/", "/api/schema/")  # answer without the database (or say so)


def _add_refusals(paths):
    """Every rate-limited operation may answer 429 (cms/ratelimit.py), every one that reads the
    database a 503 when it stays locked or unreachable (cms/errors.py), and every one a 414 when its
    request line is longer than the server takes (gunicorn: 4,094 bytes), before any of our code."""
    for path, operations in paths.items():
        for operation in operations.values():
            responses = operation.get("responses")
            if responses is None:
                continue
            responses.setdefault("414", {"$ref": "#/components/responses/URITooLong"})
            if path.startswith(RATE_LIMITED_PREFIXES):
                responses.setdefault("429", {"$ref": "#/components/responses/TooManyRequests"})
            if path not in NO_DATABASE:
                responses.setdefault("503", {"$ref": "#/components/responses/ServiceUnavailable"})


def shared_components():
    error = {JSON: {"schema": ref("Error")}}
    return {
        "headers": {
            "ETag": {
                "description": "Huella del cuerpo; reenviar en If-None-Match.",
                "required": True,
                "schema": {"type": "string"},
            },
            "CacheControl": {
                "description": "public, max-age, stale-while-revalidate.",
                "required": True,
                "schema": {"type": "string"},
            },
            "LastModified": {"description": "Último cambio de contenido publicado.", "schema": {"type": "string"}},
        },
        "responses": {
            "NotModified": {"description": "El If-None-Match coincide con el ETag actual."},
            "BadRequest": {"description": "Parámetros inválidos.", "content": error},
            "NotFound": {"description": "No existe contenido público aquí.", "content": error},
            "TooManyRequests": {
                "description": "Límite de solicitudes por cliente superado (API_RATE_LIMIT por ventana).",
                "headers": {"Retry-After": RETRY_AFTER_HEADER},
                "content": error,
            },
            "ServiceUnavailable": {
                "description": "Base de datos ocupada (SQLite con el bloqueo de escritura tomado) o no disponible.",
                "headers": {"Retry-After": RETRY_AFTER_HEADER},
                "content": error,
            },
            "URITooLong": {
                "description": "URL más larga de lo que acepta el servidor HTTP (gunicorn responde antes de la API).",
                "content": {"text/html": {"schema": {"type": "string"}}},
            },
        },
    }


def build_schema():
    builder = SchemaBuilder()
    viewset = PublicPagesAPIViewSet
    labels = []
    for model in sorted(get_page_models(), key=lambda m: m._meta.label):
        if model is Page:
            continue
        body = viewset.get_body_fields_names(model)
        meta = viewset.get_meta_fields_names(model)
        labels.append(builder.page_component(model, body, meta))
    components = {**static_components(), **builder.components}
    page_union = {"anyOf": [ref(label) for label in labels]}
    paths = api_paths(page_union)
    extra_paths, extra_components, extra_tags = contributions()
    paths.update(extra_paths)
    _add_refusals(paths)
    components.update(extra_components)
    shared = shared_components()
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "API pública — Municipalidad Provincial del Cusco",
            "version": "2",
            "description": "Contenido vivo y público de la Oficina de Relaciones Públicas y Protocolo "
            "(notas de prensa, discursos, publicaciones, calendario cívico). Anónima y de solo lectura; "
            "cada respuesta lleva ETag y Cache-Control, If-None-Match devuelve 304.",
        },
        "servers": [{"url": "/"}],
        "tags": [
            {"name": "pages", "description": "Páginas: notas, discursos, publicaciones, actividades."},
            {"name": "media", "description": "Imágenes y documentos públicos."},
            {"name": "meta", "description": "Esquema y sondas de salud."},
            *extra_tags,
        ],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": dict(sorted(components.items())), **shared},
    }
