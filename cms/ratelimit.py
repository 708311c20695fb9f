"""Per-client rate limit of the public read endpoints: JSON 429 with Retry-After.

A fixed window counter per client address in the default cache, so with Redis every host
shares the count. It fails open: if the cache is unreachable the request is served
(/readyz reports the cache as degraded). ``API_RATE_LIMIT = 0`` turns it off.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse

PREFIXES = ("/api/", "/feeds/")


def client_address(request):
    """REMOTE_ADDR, or the address the n-th proxy saw when API_PROXY_COUNT proxies are trusted."""
    proxies = getattr(settings, "API_PROXY_COUNT", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "API_RATE_LIMIT", 0)
        if limit and request.path.startswith(PREFIXES):
            window = settings.API_RATE_LIMIT_WINDOW
            now = time.time()
            slot = int(now // window)
            key = f"cms_rl:{client_address(request)}:{slot}"
            try:
                cache.add(key, 0, window + 1)
                count = cache.incr(key)
            except Exception:  # noqa: BLE001 - no cache, no limit: fail open
                count = None
            if count is not None and count > limit:
                retry_after = max(1, int((slot + 1) * window - now) + 1)
                response = JsonResponse(
                    {"message": f"Too many requests: at most {limit} every {window} s. Retry after {retry_after} s."},
                    status=429,
                )
                response["Retry-After"] = str(retry_after)
                response["Cache-Control"] = "no-store"
                return response
        return self.get_response(request)
