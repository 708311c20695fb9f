"""Bulk insertion of live pages under a parent, leaving a valid treebeard tree and one revision per page.

Page.add_child() costs ~15 queries and a full_clean per page; here a batch of a few hundred
pages costs a handful of queries. The reference index rows are inserted in bulk (cms.references: the
images a public page uses are public, as in production). Signals are not sent (no search index):
the caller indexes the new pages itself (see cms.benchdata.seed.index_pages).
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, ReferenceIndex, Revision

from cms.references import reference_rows

BATCH_SIZE = 500


def next_child_step(parent):
    """The treebeard step number after the parent's last child (1 when it has none)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def prepare(parent, pages, first_step):
    """Fill the tree and publishing fields the way Page.add_child() + publish() would."""
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    for offset, page in enumerate(pages):
        published_at = page.first_published_at
        page.path = Page._get_path(parent.path, parent.depth + 1, first_step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.last_published_at = published_at
        page.latest_revision_created_at = published_at
        page.translation_key = uuid.uuid4()


def insert_rows(model, pages):
    """Insert the wagtailcore_page rows, then the specific table's rows with the same ids."""
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    base_rows = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    Page.objects.bulk_create(base_rows)
    for page, row in zip(pages, base_rows, strict=True):
        page.id = page.page_ptr_id = row.id
    # Django refuses bulk_create() on multi-table models; _insert() is what Model.save() uses
    # for the child table, here for a whole batch at once.
    local_fields = model._meta.local_concrete_fields
    batch = connection.ops.bulk_batch_size(local_fields, pages) or len(pages)
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start : start + batch], fields=local_fields, using=connection.alias)
    return base_rows


def insert_m2m(model, pages, m2m):
    """Rows of the ParentalManyToMany through tables, from {field name: [objects per page]}."""
    for name, targets_per_page in m2m.items():
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [
            through(**{source: page.id, target: obj.pk})
            for page, objs in zip(pages, targets_per_page, strict=True)
            for obj in objs
        ]
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def insert_revisions(pages, base_rows, user):
    """One published revision per page, content = page.serializable_data(), as save_revision() does."""
    base_ct = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=base_ct,
            object_id=str(page.id),
            created_at=page.first_published_at,
            user=user,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    if any(r.pk is None for r in revisions):  # a database that cannot return ids from bulk inserts
        ids = dict(
            Revision.objects.filter(base_content_type=base_ct, object_id__in=[str(p.id) for p in pages]).values_list(
                "object_id", "id"
            )
        )
        for revision in revisions:
            revision.pk = ids[revision.object_id]
    for page, row, revision in zip(pages, base_rows, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
        row.latest_revision_id = row.live_revision_id = revision.pk
    Page.objects.bulk_update(base_rows, ["latest_revision", "live_revision"], batch_size=BATCH_SIZE)


def bulk_add_live_children(parent, pages, m2m=None, user=None):
    """Append `pages` (unsaved, one specific model, first_published_at set) as live children of `parent`.

    `m2m` maps a ParentalManyToManyField name to a list (one entry per page) of saved target objects.
    Everything happens in one transaction: either the whole batch is in the tree or none of it.
    """
    if not pages:
        return pages
    model = type(pages[0])
    m2m = m2m or {}
    for name, targets_per_page in m2m.items():
        for page, targets in zip(pages, targets_per_page, strict=True):
            setattr(page, name, list(targets))  # in memory, so serializable_data() needs no query
    child_relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    for page in pages:  # no inline children: set them empty in memory, again to spare queries
        for name in child_relations:
            setattr(page, name, [])
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        prepare(parent, pages, next_child_step(parent))
        base_rows = insert_rows(model, pages)
        insert_m2m(model, pages, m2m)
        insert_revisions(pages, base_rows, user)
        ReferenceIndex.objects.bulk_create(
            [row for page in pages for row in reference_rows(page)], batch_size=BATCH_SIZE, ignore_conflicts=True
        )
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages
