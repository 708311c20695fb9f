"""Absolute links to an activity: its detail in the pages API and its page on the website."""

from urllib.parse import quote

from django.conf import settings
from django.utils.http import RFC3986_SUBDELIMS

# How django.urls.reverse quotes a path argument (wagtail_serve's), character by character.
PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"


def api_url(page_id):
    return f"{settings.WAGTAILAPI_BASE_URL.rstrip('/')}/api/v2/pages/{page_id}/"


def language_prefix(language):
    """``/<language>`` before a translation's path on the website; nothing for Spanish (the default)."""
    return f"/{language}" if language and language != settings.LANGUAGE_CODE else ""


def public_url(page, request=None):
    """The website URL: WEBSITE_URL + the page path relative to its site root (as HeadlessMixin serves),
    with /<language> first for a translation whose ``language`` is annotated (as cms.api.public.SiteRoots)."""
    parts = page.get_url_parts(request)
    if not parts or parts[2] is None:
        return None
    return f"{settings.WEBSITE_URL}{language_prefix(getattr(page, 'language', None))}{parts[2]}"


class PublicUrls:
    """``public_url`` for many pages of one model from their ``url_path`` alone, without a model
    instance per page: one page's URL is its parent's URL plus its quoted slug, so the full
    computation (site roots, i18n, reverse) runs once per parent path.

    Exact where that holds: the parent is routable and the page is not a site root itself;
    otherwise the page's URL is computed in full."""

    def __init__(self, model):
        self.probe = model()  # one instance; get_url_parts() reads only url_path (and caches site roots on it)
        self.site_roots = {root.root_path for root in self.probe._get_site_root_paths()}
        self.by_parent = {}

    def full(self, url_path):
        self.probe.url_path = url_path
        return public_url(self.probe)

    def __call__(self, url_path, language=None):
        url = self._url(url_path)
        prefix = language_prefix(language)
        if not prefix or url is None:
            return url
        return url.replace(settings.WEBSITE_URL, settings.WEBSITE_URL + prefix, 1)

    def _url(self, url_path):
        parent, _sep, slug = url_path[:-1].rpartition("/")
        parent += "/"
        if not slug or not url_path.endswith("/") or url_path in self.site_roots:
            return self.full(url_path)
        if parent not in self.by_parent:
            self.by_parent[parent] = self.full(parent)
        prefix = self.by_parent[parent]
        if prefix is None or not prefix.endswith("/"):
            return self.full(url_path)
        return prefix + quote(f"{slug}/", safe=PATH_SAFE)
