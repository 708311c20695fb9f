from django.http import JsonResponse
from django.urls import path, re_path

from cms.api.schema.views import docs_view, schema_view


def not_found(request, rest=""):
    """Any other /api/… URL: a JSON 404 rather than the website's HTML page."""
    return JsonResponse({"message": f"no API endpoint at {request.path}"}, status=404)


urlpatterns = [
    path("schema/", schema_view, name="api-schema"),
    path("docs/", docs_view, name="api-docs"),
    re_path(r"^(?P<rest>.*)$", not_found),
]
