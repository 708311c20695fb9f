"""Turn Wagtail's publishing signals into outbox rows (same transaction, no HTTP here)."""

import contextlib
from contextvars import ContextVar

from django.db.models import Q
from django.db.models.signals import pre_delete
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, published, unpublished

from cms.api.public import is_public_page, public_pages
from publishing import outbox, privacy
from publishing.models import WebhookEvent, Withdrawal

# Pages being withdrawn right now: their unpublish is announced as "withdrawn", not "unpublished".
_withdrawing = ContextVar("publishing_withdrawing", default=frozenset())
# Pages announced by ``announced_in_bulk``: their page_published is not announced again.
_announced = ContextVar("publishing_announced", default=frozenset())


@contextlib.contextmanager
def withdrawing(page_id):
    token = _withdrawing.set(_withdrawing.get() | {page_id})
    try:
        yield
    finally:
        _withdrawing.reset(token)


def on_page_published(sender, instance, **kwargs):
    # Wagtail also sends this when a revision is only scheduled: announce only what is live.
    # A page published under a view restriction is not public: the website hears nothing.
    if instance.pk in _announced.get() or not instance.live or not is_public_page(instance):
        return
    _clear_withdrawals([instance])
    outbox.record_page(WebhookEvent.PUBLISHED, instance)


def _clear_withdrawals(pages):
    """Live content at a withdrawn address (this page again, or a new one at its path) ends the 410."""
    same_address = Q(page_id__in=[page.pk for page in pages])
    for page in pages:
        parts = page.get_url_parts()
        if parts:
            same_address |= Q(site_id=parts[0], path=parts[2])
    Withdrawal.objects.filter(same_address, cleared_at__isnull=True).update(cleared_at=timezone.now())


@contextlib.contextmanager
def announced_in_bulk(pages):
    """What ``on_page_published`` does for each of ``pages``, in a few queries for all of them (a
    bulk import); ``page_published`` sent for them inside the block is not announced a second time."""
    live_ids = [page.pk for page in pages if page.live]
    public_ids = set(public_pages().filter(pk__in=live_ids).values_list("pk", flat=True)) if live_ids else set()
    public = [page for page in pages if page.pk in public_ids]
    if public:
        _clear_withdrawals(public)
        outbox.record_pages(WebhookEvent.PUBLISHED, public)
    token = _announced.set(_announced.get() | {page.pk for page in pages})
    try:
        yield
    finally:
        _announced.reset(token)


def on_page_unpublished(sender, instance, **kwargs):
    if instance.pk in _withdrawing.get() or getattr(instance, "_publishing_deleted", False):
        return
    outbox.record_page(WebhookEvent.UNPUBLISHED, instance)


def on_page_deleting(sender, instance, **kwargs):
    """Announce "deleted" for a live page, inside the delete's transaction.

    Wagtail's own pre_delete handler then unpublishes the page in memory and sends
    page_unpublished for `instance.specific`; the flag set here keeps that from being
    announced as well. This receiver runs first because "publishing" comes before
    "wagtail" in INSTALLED_APPS (tests/publishing/test_outbox.py checks it).
    Deleting a draft tells the website nothing.
    """
    if instance.live:
        instance.specific._publishing_deleted = True
        outbox.record_page(WebhookEvent.DELETED, instance)


def on_alert_published(sender, instance, **kwargs):
    if instance.live:
        outbox.record_alert(instance, "published")


def on_alert_unpublished(sender, instance, **kwargs):
    outbox.record_alert(instance, "unpublished")


def register():
    from screens.models import Alert

    page_published.connect(on_page_published, dispatch_uid="publishing_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="publishing_page_unpublished")
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid="publishing_page_deleting")
    published.connect(on_alert_published, sender=Alert, dispatch_uid="publishing_alert_published")
    unpublished.connect(on_alert_unpublished, sender=Alert, dispatch_uid="publishing_alert_unpublished")
    privacy.register()
