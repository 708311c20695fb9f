"""/api/schema/ (the OpenAPI document) and /api/docs/ (our own static docs page)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cms.api.cache import cached_public_response
from cms.api.schema.builder import build_schema


@require_safe
@cached_public_response
def schema_view(request):
    return JsonResponse(build_schema(), json_dumps_params={"ensure_ascii": False})


@require_safe
@cached_public_response
def docs_view(request):
    return render(request, "cms_api/docs.html")
