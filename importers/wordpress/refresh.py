"""One refresh of the public API's caches for a whole import, instead of one per post.

Each publish bumps the content generation (an UPDATE plus a scan for the next scheduled
change) and asks the CDN to purge that page's URLs. Over thousands of posts that is most of
an import's time, so the import holds those receivers back and, at the end, bumps the
generation once and purges the URLs of every page it published or unpublished (only their
ids are kept meanwhile: memory stays flat however long the export).

Wagtail's own frontend-cache receiver (a purge task per published page) is held the same way:
one ``purge_pages_from_cache`` per chunk of pages at the end.

An archive brought over is not news: the press-note receiver that turns a first publication
into a release for the distribution list is held back too, so importing years of notes
does not mail them to every accredited journalist.
"""

import contextlib

from django.apps import apps
from django.db import transaction
from wagtail import signals as wagtail_signals
from wagtail.models import Page, get_page_models

from cms.api import purge
from cms.api import signals as api_signals
from cms.api.cache import bump_generation

RECEIVERS = [
    (wagtail_signals.page_published, "cms_api_page_published"),
    (wagtail_signals.page_unpublished, "cms_api_page_unpublished"),
]
PRESS_RELEASE_UID = "media_relations_news_published"
PURGE_CHUNK = 500


@contextlib.contextmanager
def no_press_releases():
    from media_relations.signal_handlers import on_news_published
    from news.models import NewsPage

    held = wagtail_signals.page_published.disconnect(sender=NewsPage, dispatch_uid=PRESS_RELEASE_UID)
    try:
        yield
    finally:
        if held:
            wagtail_signals.page_published.connect(on_news_published, sender=NewsPage, dispatch_uid=PRESS_RELEASE_UID)


@contextlib.contextmanager
def frontend_cache_held():
    """Wagtail's frontend-cache receivers off while the import runs (they are on only if the app is)."""
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        yield
        return
    from wagtail.contrib.frontend_cache import signal_handlers as handlers

    pairs = [
        (wagtail_signals.page_published, handlers.page_published_signal_handler),
        (wagtail_signals.page_unpublished, handlers.page_unpublished_signal_handler),
    ]
    held = [
        (signal, receiver, model)
        for model in get_page_models()
        for signal, receiver in pairs
        if signal.disconnect(receiver, sender=model)
    ]
    try:
        yield
    finally:
        for signal, receiver, model in held:
            signal.connect(receiver, sender=model)


def purge_pages(page_ids):
    ids = sorted(page_ids)
    frontend_cache = apps.is_installed("wagtail.contrib.frontend_cache")
    if not (purge.enabled() or frontend_cache):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    for start in range(0, len(ids), PURGE_CHUNK):
        pages = list(Page.objects.filter(pk__in=ids[start : start + PURGE_CHUNK]).specific())
        if frontend_cache:
            purge_pages_from_cache(pages)
        if purge.enabled():
            for page in pages:
                purge.page_changed(page)


@contextlib.contextmanager
def one_api_refresh():
    touched = set()

    def remember(sender, instance, **kwargs):
        touched.add(instance.pk)

    for signal, uid in RECEIVERS:
        signal.disconnect(dispatch_uid=uid)
        signal.connect(remember, dispatch_uid=f"importers_{uid}", weak=False)
    try:
        with no_press_releases(), frontend_cache_held():
            yield
    finally:
        for signal, uid in RECEIVERS:
            signal.disconnect(dispatch_uid=f"importers_{uid}")
            signal.connect(api_signals.page_changed, dispatch_uid=uid)
        if touched:
            with transaction.atomic():
                bump_generation()
                purge_pages(touched)
