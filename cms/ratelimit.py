"""Per-client rate limit of the public read endpoints: JSON 429 with Retry-After.

A fixed window counter per client address in the default cache, so with Redis every host
shares the count. It fails open: if the cache is unreachable the request is served
(/readyz reports the cache as degraded). ``API_RATE_LIMIT = 0`` turns it off. Requests the
WSGI fast path (cms/api/fastpath.py) answers are counted there, once.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse

PREFIXES = ("/api/", "/feeds/")
COUNTED = "cms.ratelimit.retry_after"  # WSGI environ key: this request was already counted


def client_address(meta):
    """REMOTE_ADDR, or the address the n-th proxy saw when API_PROXY_COUNT proxies are trusted."""
    proxies = getattr(settings, "API_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return meta.get("REMOTE_ADDR", "")


def count(meta):
    """Counts one request of this client (a WSGI environ); the seconds to wait when over the limit, else None."""
    limit = getattr(settings, "API_RATE_LIMIT", 0)
    if not limit or not meta.get("PATH_INFO", "").startswith(PREFIXES):
        return None
    window = settings.API_RATE_LIMIT_WINDOW
    now = time.time()
    slot = int(now // window)
    key = f"cms_rl:{client_address(meta)}:{slot}"
    try:
        cache.add(key, 0, window + 1)
        hits = cache.incr(key)
    except Exception:  # noqa: BLE001 - no cache, no limit: fail open
        return None
    if hits <= limit:
        return None
    return max(1, int((slot + 1) * window - now) + 1)


def too_many(retry_after):
    limit, window = settings.API_RATE_LIMIT, settings.API_RATE_LIMIT_WINDOW
    response = JsonResponse(
        {"message": f"Too many requests: at most {limit} every {window} s. Retry after {retry_after} s."},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        retry_after = request.META[COUNTED] if COUNTED in request.META else count(request.META)
        if retry_after:
            return too_many(retry_after)
        return self.get_response(request)
