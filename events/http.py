"""HTTP helpers of the public calendar: JSON errors. ETag, 304 and Cache-Control come from the
shared cache (cms.api.cache), which the calendar's URLs are wrapped in."""

from django.http import JsonResponse


def json_error(message, status=400):
    return JsonResponse({"message": message}, status=status)
