"""CDN purge (wagtail.contrib.frontend_cache) of the public API URLs a change affects.

Runs only when ``WAGTAILFRONTENDCACHE`` is configured. A change builds one batch: the
page's detail and resolve URLs, the listings it appears in (all pages, its type, its
locale, its type in its locale, its parent's children) and any URL other apps register
with ``register_purge_urls`` (calendar, ICS, screens feeds, RSS).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse

from cms.api.public import SiteRoots, absolute_api_url

_extra_url_providers = []


def register_purge_urls(provider):
    """``provider(instance)`` returns paths or URLs to purge whenever content changes."""
    _extra_url_providers.append(provider)
    return provider


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _reverse(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def listing_urls(model_label, language_code, parent_id=None):
    listing = _reverse("wagtailapi:pages:listing")
    if listing is None:
        return []
    queries = [{}, {"type": model_label}, {"locale": language_code}, {"type": model_label, "locale": language_code}]
    if parent_id:
        queries.append({"child_of": parent_id})
    return [listing + (f"?{urlencode(query)}" if query else "") for query in queries]


def page_urls(page, old_url_path=None):
    urls = [_reverse("wagtailapi:pages:detail", page.pk)]
    label = f"{page.specific_class._meta.label}" if page.specific_class else "wagtailcore.Page"
    language = page.locale.language_code
    parent_path = page.path[: -page.steplen] if page.depth > 1 else None
    parent_id = None
    if parent_path:
        from wagtail.models import Page

        parent_id = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
    urls += listing_urls(label, language, parent_id)
    roots = SiteRoots.load()
    resolve = _reverse("wagtailapi:resolve:resolve")
    for url_path in {page.url_path, old_url_path} - {None}:
        public_path = roots.public_path(url_path, language)
        if resolve and public_path:
            urls.append(f"{resolve}?{urlencode({'path': public_path})}")
    return urls


def _extra_urls(instance):
    urls = []
    for provider in _extra_url_providers:
        urls.extend(provider(instance) or [])
    return urls


def _purge(urls):
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_urls(sorted({absolute_api_url(url) for url in urls if url}))
    batch.purge()


def page_changed(page, old_url_path=None):
    if not enabled():
        return
    urls = page_urls(page, old_url_path) + _extra_urls(page)
    transaction.on_commit(lambda: _purge(urls))


def media_changed(instance):
    if not enabled():
        return
    from wagtail.images import get_image_model

    endpoint = "images" if isinstance(instance, get_image_model()) else "documents"
    urls = [_reverse(f"wagtailapi:{endpoint}:detail", instance.pk), _reverse(f"wagtailapi:{endpoint}:listing")]
    transaction.on_commit(lambda: _purge(urls + _extra_urls(instance)))
