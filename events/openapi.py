"""The calendar's entries in /api/schema/: ``register`` is called by events.api, which cms.api
autodiscovers at start-up."""

from django.conf import settings

from cms.api.schema.registry import (
    JSON,
    NOT_MODIFIED,
    URI_TOO_LONG,
    cache_headers,
    error_response,
    query_param,
    register_openapi,
)
from events.choices import EventStatus, EventType
from events.validators import YEARS

DATETIME = {"type": "string", "format": "date-time"}


def _object(properties, description=None):
    schema = {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}
    if description:
        schema["description"] = description
    return schema


def _filter_params():
    locales = [code for code, _name in settings.LANGUAGES]
    return [
        query_param("type", "Tipo de actividad.", {"type": "string", "enum": list(EventType.values)}),
        query_param(
            "locale",
            f"Idioma de las actividades (por defecto {settings.LANGUAGE_CODE}). Las que no tienen traducción "
            f"publicada en ese idioma salen en {settings.LANGUAGE_CODE} (JSON: `locale` de cada ocurrencia; "
            "iCalendar: parámetro LANGUAGE de SUMMARY y LOCATION).",
            {"type": "string", "enum": locales},
        ),
    ]


def _responses(ok):
    return {
        "200": ok,
        "304": NOT_MODIFIED,
        "400": error_response("Parámetro desconocido, repetido o inválido; `message` dice cuál."),
        "414": URI_TOO_LONG,
    }


occurrence = _object(
    {
        "event_id": {"type": "integer", "description": "Id de la actividad (events.CivicEventPage)."},
        "title": {"type": "string"},
        "start": {**DATETIME, "description": "Inicio, hora de Lima (-05:00)."},
        "end": {**DATETIME, "description": "Fin; en actividades de día completo, medianoche siguiente (exclusiva)."},
        "all_day": {"type": "boolean"},
        "status": {"type": "string", "enum": list(EventStatus.values)},
        "reason": {"type": "string", "description": "Motivo público de cancelación o cambio."},
        "original_start": {**DATETIME, "description": "Inicio previsto por la serie (distinto si se reprogramó)."},
        "event_type": {"type": "string", "enum": list(EventType.values)},
        "event_type_label": {"type": "string"},
        "place": {"type": "string"},
        "address": {"type": "string"},
        "locale": {
            "type": "string",
            "description": "Idioma del texto: el pedido, o es si la actividad aún no tiene traducción publicada.",
        },
        "api_url": {"type": "string", "format": "uri", "description": "Detalle en /api/v2/pages/{id}/."},
        "url": {"type": ["string", "null"], "format": "uri", "description": "Página en el sitio web."},
    },
    "Una ocurrencia de una actividad (las recurrentes se expanden).",
)
calendar_meta = _object(
    {
        "from": {"type": "string", "format": "date"},
        "to": {"type": "string", "format": "date"},
        "time_zone": {"type": "string", "enum": ["America/Lima"]},
        "locale": {"type": "string"},
        "type": {"type": ["string", "null"], "enum": [*EventType.values, None]},
        "total_count": {"type": "integer", "minimum": 0},
    }
)


def date_param(example):
    return {"type": "string", "format": "date", "example": example}


def register(max_range_days):
    register_openapi(tags=_TAGS, components={"CalendarOccurrence": occurrence}, paths=paths(max_range_days))


_TAGS = [{"name": "calendar", "description": "Calendario cívico: ocurrencias e iCalendar."}]


def paths(max_range_days):
    return {
        "/api/v2/calendar/": {
            "get": {
                "summary": "Ocurrencias de actividades en un rango de fechas",
                "description": f"Recurrencias expandidas, con su estado; como mucho {max_range_days} días, "
                f"años {YEARS.start}-{YEARS.stop - 1}. Orden por inicio.",
                "tags": ["calendar"],
                "parameters": [
                    query_param(
                        "from", "Primer día (incluido), hora de Lima.", date_param("2030-06-01"), required=True
                    ),
                    query_param(
                        "to", "Último día (incluido); no antes de `from`.", date_param("2030-06-30"), required=True
                    ),
                    *_filter_params(),
                ],
                "responses": _responses(
                    {
                        "description": "Ocurrencias del rango.",
                        "headers": cache_headers(),
                        "content": {
                            JSON: {
                                "schema": _object(
                                    {
                                        "meta": calendar_meta,
                                        "items": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/CalendarOccurrence"},
                                        },
                                    }
                                )
                            }
                        },
                    }
                ),
            }
        },
        "/api/v2/calendar.ics": {
            "get": {
                "summary": "El calendario cívico en iCalendar (RFC 5545)",
                "description": "Actividades vivas y públicas, con RRULE, EXDATE y ocurrencias cambiadas.",
                "tags": ["calendar"],
                "parameters": _filter_params(),
                "responses": _responses(
                    {
                        "description": "VCALENDAR.",
                        "headers": cache_headers(),
                        "content": {"text/calendar": {"schema": {"type": "string", "pattern": "^BEGIN:VCALENDAR"}}},
                    }
                ),
            }
        },
    }
