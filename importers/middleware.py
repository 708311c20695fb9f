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
        if request.method in ("GET", "HEAD") and any(
            request.GET.get(name, "").isdigit() for name in WORDPRESS_ID_PARAMETERS
        ):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                response_class = (
                    http.HttpResponsePermanentRedirect if redirect.is_permanent else http.HttpResponseRedirect
                )
                return response_class(redirect.link)
        return self.get_response(request)
