"""Old WordPress query-string addresses (/?p=123) answered with their import's permanent redirect.

Wagtail's RedirectMiddleware only looks at 404 responses, and the site root answers (the home
page) whatever its query string, so /?p=123 never reaches it. This looks the redirect up first,
only for a request with a numeric WordPress id parameter: no query for any other request.
"""

from django import http
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_ID_PARAMETERS = ("p", "page_id", "attachment_id")


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            for name in WORDPRESS_ID_PARAMETERS:
                value = request.GET.get(name, "")
                if not value.isdigit():
                    continue
                # Only the id counts: /?p=12&utm_source=x is /?p=12.
                path = Redirect.normalise_path(f"{request.path}?{name}={value}", decode_unicode=False)
                redirect = get_redirect(request, path)
                if redirect is not None and redirect.link:
                    if redirect.is_permanent:
                        return http.HttpResponsePermanentRedirect(redirect.link)
                    return http.HttpResponseRedirect(redirect.link)
        return self.get_response(request)
