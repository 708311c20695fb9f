"""The draft preview's entry in /api/schema/ (cms.api autodiscovers this module at start-up)."""

from wagtail.models import get_page_models
from wagtail_headless_preview.models import HeadlessPreviewMixin

from cms.api.schema.registry import JSON, error_response, query_param, register_openapi

NO_STORE = {
    "Cache-Control": {
        "description": "no-store (los borradores nunca se guardan en cachés).",
        "required": True,
        "schema": {"type": "string", "pattern": "no-store"},
    }
}


def previewable_labels():
    return sorted(model._meta.label for model in get_page_models() if issubclass(model, HeadlessPreviewMixin))


def draft_schema():
    """The public detail's shape (see each type's component); a page never saved has no id yet."""
    meta = {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": previewable_labels()},
            "detail_url": {"type": ["string", "null"], "format": "uri"},
        },
        "required": ["type", "detail_url"],
    }
    return {
        "type": "object",
        "description": "Como /api/v2/pages/{id}/ con el borrador; `id` y `meta.detail_url` son null "
        "si la página aún no se guardó.",
        "properties": {"id": {"type": ["integer", "null"]}, "meta": meta, "title": {"type": "string"}},
        "required": ["id", "meta", "title"],
    }


register_openapi(
    tags=[{"name": "preview", "description": "Vista previa de borradores para el sitio web."}],
    paths={
        "/api/v2/preview/": {
            "get": {
                "summary": "Un borrador, con el token de «Vista previa» del administrador",
                "description": "Tokens firmados y de vida corta; nunca en caché (Cache-Control: no-store).",
                "tags": ["preview"],
                "parameters": [
                    query_param(
                        "content_type",
                        "Tipo de página en minúsculas, p. ej. news.newspage.",
                        {"type": "string", "minLength": 1},
                        required=True,
                    ),
                    query_param("token", "Token de vista previa.", {"type": "string", "minLength": 1}, required=True),
                ],
                "responses": {
                    "200": {
                        "description": "El borrador en la forma del detalle público.",
                        "headers": NO_STORE,
                        "content": {JSON: {"schema": draft_schema()}},
                    },
                    "400": error_response("Falta content_type o token, o el tipo no existe.", NO_STORE),
                    "403": error_response("Token inválido o expirado.", NO_STORE),
                    "404": error_response("No hay vista previa para ese token.", NO_STORE),
                    "414": {"$ref": "#/components/responses/URITooLong"},
                },
            }
        }
    },
)
