"""POST /api/v2/interview-requests/: the website submits a press-interview request.

The only public write. JSON in, JSON out: 201 with a reference number, 400 with an error
per field, 429 with Retry-After when one client sends too many. Nothing is ever read back
through the public API. cms.api autodiscovers this module, which registers the OpenAPI entry.
"""

from django.conf import settings
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from media_relations import openapi
from media_relations.forms import InterviewRequestSubmission

openapi.register()

RECEIVED = "Solicitud recibida. La Oficina de Relaciones Públicas y Protocolo se comunicará con usted."


class PerClientThrottle(SimpleRateThrottle):
    """So many submissions per client address (REMOTE_ADDR, which the proxy in front sets)."""

    scope = "interview_requests"

    def get_rate(self):
        return getattr(settings, "INTERVIEW_REQUESTS_RATE", "5/hour")

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": request.META.get("REMOTE_ADDR", "")}


class InterviewRequestsView(APIView):
    public_write_methods = ("POST",)  # the one public write (cms.api.methods lets it through)
    authentication_classes = []  # anonymous; no session, so no CSRF either
    permission_classes = []
    parser_classes = [JSONParser]
    throttle_classes = [PerClientThrottle]
    http_method_names = ["post", "get", "put", "patch", "delete", "head", "options"]

    def post(self, request):
        data = request.data
        if not isinstance(data, dict):
            return _error("El cuerpo debe ser un objeto JSON.")
        form = InterviewRequestSubmission(data)
        if not form.is_valid():
            return _error("Revise los campos indicados.", errors=form.json_errors())
        interview = form.save()
        return Response(
            {
                "reference": interview.reference,
                "status": interview.status,
                "message": RECEIVED,
            },
            status=status.HTTP_201_CREATED,
            headers={"Cache-Control": "no-store"},
        )

    def handle_exception(self, exc):
        """Every refusal as the API's {"message": …} JSON (DRF would answer {"detail": …})."""
        headers = {}
        if isinstance(exc, exceptions.Throttled):
            message = "Demasiadas solicitudes desde esta dirección. Intente más tarde."
            if exc.wait is not None:
                headers["Retry-After"] = str(int(exc.wait) + 1)
        elif isinstance(exc, exceptions.MethodNotAllowed):
            message = "Solo se admite POST: las solicitudes no se pueden consultar por la API."
            headers["Allow"] = "POST"
        elif isinstance(exc, exceptions.UnsupportedMediaType):
            message = "Envíe el cuerpo como application/json."
        elif isinstance(exc, exceptions.ParseError):
            message = "El cuerpo no es JSON válido."
        elif isinstance(exc, exceptions.APIException):
            message = str(exc.detail)
        else:
            return super().handle_exception(exc)
        response = Response({"message": message}, status=exc.status_code, headers=headers)
        response["Cache-Control"] = "no-store"
        return response


def _error(message, errors=None):
    body = {"message": message}
    if errors:
        body["errors"] = errors
    return Response(body, status=status.HTTP_400_BAD_REQUEST, headers={"Cache-Control": "no-store"})


interview_requests = InterviewRequestsView.as_view()
