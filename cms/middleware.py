"""Locale activation for the admin only: public responses never vary on Accept-Language.

Django's LocaleMiddleware picks the language from Accept-Language and adds ``Vary: Accept-Language``.
On the public API, feeds and display pages that Vary split caches by browser language for no gain
(the content language is the ``?locale=`` filter), and a lobby display reloaded offline missed its
service-worker cache. Those paths are answered in the site language (LANGUAGE_CODE), without the Vary.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

PUBLIC_PREFIXES = ("/api/", "/feeds/", "/screens/")


def is_public(request):
    return request.path_info.startswith(PUBLIC_PREFIXES)


class AdminLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        if not is_public(request):
            return super().process_request(request)
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_response(self, request, response):
        if not is_public(request):
            return super().process_response(request, response)
        response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
        return response
