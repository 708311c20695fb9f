"""The interview-request endpoint in /api/schema/ (the only public write)."""

from cms.api.schema.registry import JSON, error_response, register_openapi

PATH = "/api/v2/interview-requests/"
CHANNELS = ["estudio", "telefono", "presencial"]

submission = {
    "type": "object",
    "properties": {
        "outlet": {"type": "string", "minLength": 1, "maxLength": 255, "description": "Medio de comunicación."},
        "journalist": {"type": "string", "minLength": 1, "maxLength": 255, "description": "Periodista."},
        "email": {"type": "string", "format": "email", "maxLength": 254},
        "phone": {"type": "string", "maxLength": 50},
        "person": {
            "type": "integer",
            "description": "Id de la autoridad o funcionario solicitado (cms.Person: Alcalde, Regidor, funcionario).",
        },
        "topic": {"type": "string", "minLength": 1, "maxLength": 2000, "description": "Tema de la entrevista."},
        "proposed_dates": {
            "type": "array",
            "minItems": 1,
            "maxItems": 5,
            "items": {"type": "string", "format": "date-time"},
            "description": "Fechas y horas propuestas (ISO 8601, futuras, dentro de un año).",
        },
        "channel": {"type": "string", "enum": CHANNELS, "description": "estudio, telefono o presencial."},
    },
    "required": ["outlet", "journalist", "email", "person", "topic", "proposed_dates", "channel"],
    "additionalProperties": False,
}

receipt = {
    "type": "object",
    "properties": {
        "reference": {"type": "string", "pattern": "^ENT-[0-9]{4}-[0-9]{5,}$"},
        "status": {"type": "string", "enum": ["recibida"]},
        "message": {"type": "string"},
    },
    "required": ["reference", "status", "message"],
    "additionalProperties": False,
}

field_errors = {
    "type": "object",
    "properties": {
        "message": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": "Mensajes por campo.",
        },
    },
    "required": ["message"],
}

RETRY_AFTER = {"Retry-After": {"description": "Segundos hasta poder enviar otra.", "schema": {"type": "integer"}}}


def register():
    register_openapi(
        tags=[{"name": "interview-requests", "description": "Solicitudes de entrevista de la prensa."}],
        components={"InterviewRequestSubmission": submission, "InterviewRequestReceipt": receipt},
        paths={
            PATH: {
                "post": {
                    "summary": "Solicitar una entrevista con el Alcalde, un Regidor o un funcionario",
                    "description": "Registra la solicitud para la Oficina de Relaciones Públicas y Protocolo y "
                    "devuelve un número de referencia. Limitado por cliente. Las solicitudes no se pueden "
                    "consultar por la API.",
                    "tags": ["interview-requests"],
                    "requestBody": {
                        "required": True,
                        "content": {JSON: {"schema": {"$ref": "#/components/schemas/InterviewRequestSubmission"}}},
                    },
                    "responses": {
                        "201": {
                            "description": "Solicitud registrada.",
                            "content": {JSON: {"schema": {"$ref": "#/components/schemas/InterviewRequestReceipt"}}},
                        },
                        "400": {
                            "description": "Cuerpo o campos inválidos; `errors` dice qué campo y por qué.",
                            "content": {JSON: {"schema": field_errors}},
                        },
                        "415": error_response("El cuerpo no es application/json."),
                        "429": error_response("Demasiadas solicitudes desde este cliente.", headers=RETRY_AFTER),
                    },
                }
            }
        },
    )
