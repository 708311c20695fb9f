"""What makes public responses stale: bump the content generation and purge the CDN."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks.signals import task_finished
from wagtail import signals as wagtail_signals
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
)

from cms.api import purge
from cms.api.cache import bump_generation

# Models whose rows are shown inline in public responses; other apps may append theirs
# with ``watch_model`` (e.g. screens.Screen) so that a change refreshes their feeds.
WATCHED_MODELS = ["cms.Person", "cms.Category"]


def content_changed(sender=None, **kwargs):
    bump_generation()


def page_changed(sender, instance, **kwargs):
    bump_generation()
    # Which media are public follows the reference index: bring it up to date in the
    # publishing transaction instead of waiting for the worker's queued task.
    with transaction.atomic():
        ReferenceIndex.create_or_update_for_object(instance.specific)
    purge.page_changed(instance)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_generation()
        purge.page_changed(instance)


def page_moved(sender, instance, url_path_before=None, **kwargs):
    bump_generation()
    purge.page_changed(instance, old_url_path=url_path_before)


def media_changed(sender, instance, created=False, **kwargs):
    bump_generation()
    if not created:
        purge.media_changed(instance)


# Wagtail's search-index tasks (run by the worker, after the publish that queued them).
INDEX_TASKS = ("insert_or_update_object_task", "delete_object_task")


def index_updated(sender=None, task_result=None, **kwargs):
    """A search-index update changes what ``?search=`` finds: cached search results are stale."""
    if task_result is not None and task_result.task.module_path.rsplit(".", 1)[-1] in INDEX_TASKS:
        bump_generation()


def watch_model(model):
    """Refresh every public response when a row of ``model`` is saved or deleted."""
    post_save.connect(content_changed, sender=model, dispatch_uid=f"cms_api_watch_save_{model}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"cms_api_watch_delete_{model}")


def connect():
    wagtail_signals.page_published.connect(page_changed, dispatch_uid="cms_api_page_published")
    wagtail_signals.page_unpublished.connect(page_changed, dispatch_uid="cms_api_page_unpublished")
    wagtail_signals.post_page_move.connect(page_moved, dispatch_uid="cms_api_page_moved")
    post_delete.connect(page_deleted, dispatch_uid="cms_api_page_deleted")
    # Snippets with draft state (e.g. screens.Alert) publish through these.
    wagtail_signals.published.connect(content_changed, dispatch_uid="cms_api_published")
    wagtail_signals.unpublished.connect(content_changed, dispatch_uid="cms_api_unpublished")
    for model in (get_image_model(), get_document_model()):
        post_save.connect(media_changed, sender=model, dispatch_uid=f"cms_api_media_save_{model}")
        post_delete.connect(media_changed, sender=model, dispatch_uid=f"cms_api_media_delete_{model}")
    task_finished.connect(index_updated, dispatch_uid="cms_api_index_updated")
    for model in (PageViewRestriction, CollectionViewRestriction, Collection, Site, Locale, *WATCHED_MODELS):
        watch_model(model)
