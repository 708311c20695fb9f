"""Privacy changes announce and purge like (un)publishing does.

Adding a view restriction to a page (or an ancestor) takes it out of public content at once:
the website hears "unpublished" (reason "restricted") for every page that stops being public,
and the CDN drops their URLs. Removing one announces "published" for every page that becomes
public again. A collection restriction changes which images and documents are public: the
pages that show them are announced as "published" (their content changed), purged, and
bulletins re-indexed so that a private PDF's text leaves the search index.

Each change compares the public set before and after, inside the same transaction, so a
restriction on a subtree that was already private announces nothing.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex

from cms.api import purge
from cms.api.public import public_documents, public_images, public_pages
from publishing import outbox
from publishing.models import WebhookEvent


def _public_in_subtree(page_path):
    return set(public_pages().filter(path__startswith=page_path).values_list("pk", flat=True))


# Public pages of a subtree being moved, by the moved page's id (pre_page_move → post_page_move).
_moving = {}


def _page_subtree(instance):
    try:
        return instance.page.path
    except Page.DoesNotExist:
        return None


def page_restriction_before(sender, instance, **kwargs):
    path = _page_subtree(instance)
    instance._public_before = _public_in_subtree(path) if path else set()


def page_restriction_after(sender, instance, **kwargs):
    path = _page_subtree(instance)
    if path is None or not hasattr(instance, "_public_before"):
        return
    _announce(instance._public_before, _public_in_subtree(path))


def page_moving(sender, instance, **kwargs):
    """Moving a subtree under (or out of) a restricted section changes what is public."""
    _moving[instance.pk] = _public_in_subtree(instance.path)


def page_moved(sender, instance, **kwargs):
    before = _moving.pop(instance.pk, None)
    if before is None:
        return
    moved = Page.objects.get(pk=instance.pk)
    after = _public_in_subtree(moved.path)
    _announce(before, after)


def _announce(before, after):
    for page in Page.objects.filter(pk__in=before - after).specific():
        outbox.record_page(WebhookEvent.UNPUBLISHED, page, reason="restricted")
        purge.page_changed(page)
    for page in Page.objects.filter(pk__in=after - before).specific():
        outbox.record_page(WebhookEvent.PUBLISHED, page, reason="unrestricted")
        purge.page_changed(page)


def _collection_media(instance):
    path = instance.collection.path
    return (
        set(public_images().filter(collection__path__startswith=path).values_list("pk", flat=True)),
        set(public_documents().filter(collection__path__startswith=path).values_list("pk", flat=True)),
    )


def collection_restriction_before(sender, instance, **kwargs):
    instance._media_before = _collection_media(instance) if instance.collection_id else (set(), set())


def collection_restriction_after(sender, instance, **kwargs):
    if not hasattr(instance, "_media_before"):
        return
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    images_before, documents_before = instance._media_before
    images_after, documents_after = _collection_media(instance)
    changed = [
        (get_image_model(), images_before ^ images_after),
        (get_document_model(), documents_before ^ documents_after),
    ]
    page_ids = set()
    for model, ids in changed:
        for media in model.objects.filter(pk__in=ids):
            purge.media_changed(media)
        page_ids |= _pages_using(model, ids)
    public_ids = set(public_pages().filter(pk__in=page_ids).values_list("pk", flat=True))
    for page in Page.objects.filter(pk__in=public_ids).specific():
        if hasattr(page, "refresh_search_index"):
            page.refresh_search_index()
        outbox.record_page(WebhookEvent.PUBLISHED, page, reason="media_privacy")
        purge.page_changed(page)


def _pages_using(model, ids):
    """Pages that refer to any of ``ids`` (directly or through a snippet they show)."""
    if not ids:
        return set()
    from django.contrib.contenttypes.models import ContentType

    page_type = ContentType.objects.get_for_model(Page)
    refs = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model), to_object_id__in=[str(pk) for pk in ids]
    ).values_list("base_content_type_id", "object_id")
    pages, snippets = set(), set()
    for type_id, object_id in refs:
        (pages if type_id == page_type.pk else snippets).add((type_id, object_id))
    for type_id, object_id in snippets:
        pages |= set(
            ReferenceIndex.objects.filter(
                base_content_type=page_type, to_content_type_id=type_id, to_object_id=object_id
            ).values_list("base_content_type_id", "object_id")
        )
    return {int(object_id) for _type, object_id in pages}


def register():
    from wagtail.signals import post_page_move, pre_page_move

    uid = "publishing_privacy_"
    pre_page_move.connect(page_moving, dispatch_uid=uid + "pre_page_move")
    post_page_move.connect(page_moved, dispatch_uid=uid + "post_page_move")
    pre_save.connect(page_restriction_before, sender=PageViewRestriction, dispatch_uid=uid + "page_pre_save")
    post_save.connect(page_restriction_after, sender=PageViewRestriction, dispatch_uid=uid + "page_post_save")
    pre_delete.connect(page_restriction_before, sender=PageViewRestriction, dispatch_uid=uid + "page_pre_delete")
    post_delete.connect(page_restriction_after, sender=PageViewRestriction, dispatch_uid=uid + "page_post_delete")
    for signal, handler, name in (
        (pre_save, collection_restriction_before, "pre_save"),
        (post_save, collection_restriction_after, "post_save"),
        (pre_delete, collection_restriction_before, "pre_delete"),
        (post_delete, collection_restriction_after, "post_delete"),
    ):
        signal.connect(handler, sender=CollectionViewRestriction, dispatch_uid=uid + "collection_" + name)
