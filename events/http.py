"""HTTP helpers of the public calendar: JSON errors, ETag and Cache-Control, 304 on If-None-Match.

Kept local and small so the shared API cache decorator can replace ``conditional`` later.
"""

import hashlib

from django.http import JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control

MAX_AGE = 60


def json_error(message, status=400):
    return JsonResponse({"message": message}, status=status)


def make_etag(*parts):
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return f'"{digest}"'


def conditional(request, etag, build):
    """``build()`` the response unless If-None-Match matches ``etag`` (then 304)."""
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = build()
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
