"""/api/v2/resolve/?path=/… : the detail body of the live page at a public website path."""

from django.http import Http404
from django.urls import path
from wagtail.api.v2.utils import BadRequestError

from cms.api.cache import cached_public_response, current_generation
from cms.api.params.query import Query
from cms.api.public import SiteRoots, of_language, public_pages
from cms.api.views import PublicPagesAPIViewSet

MAX_PATH_LENGTH = 1024

# Callables (request, public_path) -> response or None, asked when no live page is found;
# the publishing app registers the one that answers 410 for withdrawn pages.
GONE_HANDLERS = []


def register_gone_handler(handler):
    GONE_HANDLERS.append(handler)
    return handler


class ResolveAPIView(PublicPagesAPIViewSet):
    name = "resolve"
    model = None  # not the endpoint of any model (see PublicAPIRouter)

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cached_public_response(cls.as_view({"get": "resolve_view"})), name="resolve")]

    def resolve_view(self, request):
        query = Query(request)
        query.check_known({"path", "fields", "rich_text_format"}, "unknown query parameter(s)")
        public_path = query.raw("path")
        if not public_path:
            raise BadRequestError("'path' is required, e.g. ?path=/notas-de-prensa/mi-nota/")
        if not public_path.startswith("/") or len(public_path) > MAX_PATH_LENGTH or "\x00" in public_path:
            raise BadRequestError(f"'path' must start with '/' and be at most {MAX_PATH_LENGTH} characters")
        roots = SiteRoots.load(current_generation(request).value)
        found = roots.url_path_for(public_path)
        response = None
        if found is not None:
            url_path, language = found
            response = self.detail_response(public_pages().filter(of_language(language), url_path=url_path))
        return response or self.not_found(request, public_path, found)

    def not_found(self, request, public_path, found):
        """The one hook for paths without a live public page (e.g. answer 410 for a
        withdrawn page): ``found`` is (url_path, language_code) or None. Return a Response."""
        for handler in GONE_HANDLERS:
            response = handler(request, public_path)
            if response is not None:
                return response
        raise Http404(f"no public page at '{public_path}'")
