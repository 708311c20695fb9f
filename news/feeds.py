"""RSS 2.0 of the latest press notes (/feeds/noticias/), with Django's syndication framework.

news.api imports this module, so its /api/schema/ entry is registered at start-up."""

import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from wagtail.models import Locale

from cms.api.public import of_language, public_images, public_pages
from cms.api.purge import register_purge_urls
from cms.api.schema.registry import ERROR, JSON, NOT_MODIFIED, URI_TOO_LONG, cache_headers, register_openapi
from news.models import NewsIndexPage, NewsPage
from publishing.http import conditional

FEED_ITEMS = 20
ENCLOSURE_RENDITION = "fill-1200x630"
FEED_MAX_AGE = 300


def website_url(page):
    parts = page.get_url_parts()
    return settings.WEBSITE_URL.rstrip("/") + parts[2] if parts else settings.WEBSITE_URL


def absolute_media_url(url):
    """Rendition URLs are relative on local storage and absolute on S3/CDN."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + url


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Notas de prensa — Municipalidad Provincial del Cusco"
    description = "Notas de prensa de la Oficina de Relaciones Públicas y Protocolo."
    language = "es"

    def __call__(self, request, *args, **kwargs):
        code = request.GET.get("locale", settings.LANGUAGE_CODE)
        if code not in dict(settings.LANGUAGES):
            message = f"Unknown locale {code!r}. Use one of: {', '.join(dict(settings.LANGUAGES))}."
            return JsonResponse({"message": message}, status=400)
        return conditional(request, super().__call__(request, *args, **kwargs), max_age=FEED_MAX_AGE)

    def get_object(self, request, *args, **kwargs):
        """?locale=es|qu|en (default: es; __call__ answers 400 to any other)."""
        code = request.GET.get("locale", settings.LANGUAGE_CODE)
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise Http404(f"Locale {code!r} is not set up.")
        return locale

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language_code
        return feed

    def link(self, locale):
        index = public_pages(NewsIndexPage).filter(of_language(locale.language_code)).first()
        return website_url(index) if index else settings.WEBSITE_URL

    def items(self, locale):
        # Only public images: a private or unused one leaves the item without an enclosure.
        images = public_images().prefetch_renditions(ENCLOSURE_RENDITION)
        return (
            public_pages(NewsPage)
            .filter(of_language(locale.language_code))
            .defer_streamfields()
            .prefetch_related("categories", Prefetch("main_image", queryset=images))
            .order_by("-date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return website_url(item)

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]

    def item_enclosures(self, item):
        if item.main_image is None:
            return []
        rendition = item.main_image.get_rendition(ENCLOSURE_RENDITION)
        try:
            length = rendition.file.size
        except OSError:
            length = 0
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        return [Enclosure(absolute_media_url(rendition.url), str(length), mime_type)]


register_openapi(
    tags=[{"name": "feeds", "description": "Sindicación."}],
    paths={
        "/feeds/noticias/": {
            "get": {
                "summary": "RSS 2.0 de las notas de prensa",
                "description": f"Las {FEED_ITEMS} notas de prensa más recientes en el idioma pedido, "
                "con su imagen principal como enclosure.",
                "tags": ["feeds"],
                "parameters": [
                    {
                        "name": "locale",
                        "in": "query",
                        "description": "Idioma de las notas (por defecto es).",
                        "schema": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "Canal RSS 2.0.",
                        "headers": cache_headers(),
                        "content": {"application/rss+xml": {"schema": {"type": "string"}}},
                    },
                    "304": NOT_MODIFIED,
                    "400": {"description": "Idioma desconocido.", "content": {JSON: {"schema": ERROR}}},
                    "414": URI_TOO_LONG,
                },
            }
        }
    },
)


@register_purge_urls
def feed_urls(instance):
    """Publishing, unpublishing, moving or deleting a press note changes the RSS feed."""
    if isinstance(instance, NewsPage) or getattr(instance, "specific_class", None) is NewsPage:
        return [reverse("feed_noticias")]
    return []
