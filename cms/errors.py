"""What an unhandled exception answers (``handler500``), wherever it was raised.

Django calls the handler inside its ``except`` block, so the exception is at hand, whether it
came from a view or a middleware (e.g. the admin's BEGIN IMMEDIATE). A database that stays
locked (SQLite past SQLITE_BUSY_TIMEOUT) or unreachable (PostgreSQL restarting) gets a JSON
503 with ``Retry-After`` so clients retry; any other error on the public API a JSON 500.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.views import defaults

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5
JSON_PREFIXES = ("/api/", "/feeds/", "/healthz", "/readyz")


def server_error(request, *args, **kwargs):
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        response = JsonResponse({"message": "The database is busy or unavailable; retry shortly."}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    if request.path.startswith(JSON_PREFIXES):
        response = JsonResponse({"message": "Internal server error."}, status=500)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request, *args, **kwargs)
