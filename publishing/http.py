"""Small HTTP helpers for the public endpoints of this app."""

from django.http import JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

PUBLIC_MAX_AGE = 60


def json_error(message, status):
    response = JsonResponse({"message": str(message)}, status=status, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, no_store=True)
    return response


def conditional(request, response, max_age=PUBLIC_MAX_AGE):
    """Public caching: ETag of the body, Cache-Control, and 304 for a matching If-None-Match."""
    patch_cache_control(response, public=True, max_age=max_age)
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def public_json(request, data, status=200, max_age=PUBLIC_MAX_AGE):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    return conditional(request, response, max_age=max_age)
