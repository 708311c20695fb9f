"""One refresh of the public API's caches for a whole import, instead of one per post.

Each publish bumps the content generation (an UPDATE plus a scan for the next scheduled
change) and asks the CDN to purge that page's URLs. Over thousands of posts that is most of
an import's time, so the import holds those receivers back and, at the end, bumps the
generation once and purges the URLs of every page it published or unpublished.
"""

import contextlib

from django.db import transaction
from wagtail import signals as wagtail_signals

from cms.api import purge
from cms.api import signals as api_signals
from cms.api.cache import bump_generation

RECEIVERS = [
    (wagtail_signals.page_published, "cms_api_page_published"),
    (wagtail_signals.page_unpublished, "cms_api_page_unpublished"),
]


@contextlib.contextmanager
def one_api_refresh():
    touched = {}

    def remember(sender, instance, **kwargs):
        touched[instance.pk] = instance

    for signal, uid in RECEIVERS:
        signal.disconnect(dispatch_uid=uid)
        signal.connect(remember, dispatch_uid=f"importers_{uid}", weak=False)
    try:
        yield
    finally:
        for signal, uid in RECEIVERS:
            signal.disconnect(dispatch_uid=f"importers_{uid}")
            signal.connect(api_signals.page_changed, dispatch_uid=uid)
        if touched:
            with transaction.atomic():
                bump_generation()
                for page in touched.values():
                    purge.page_changed(page)
