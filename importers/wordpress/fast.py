"""New press notes written directly: the rows Wagtail's add_child, save_revision and publish leave.

Wagtail's own path costs about 90 queries and 0.2 s a post (three full_cleans with a query
per foreign key, tree locking, a search-index and a reference-index task per save, workflow
and comment bookkeeping, a "wagtail.create" log entry). For a page the import creates, none of
that has anything to decide. So, in the post's own savepoint, the page is validated field by
field (``clean_fields``: the body's blocks, lengths, dates), given a slug free among its
section's pages and the next tree path (both kept in memory for the run) and inserted with its
import record; then, for the batch of posts (``flush_new_pages``, in the batch's transaction),
its categories, its revision (live, or latest for a draft), its reference index, its redirects
and the import's audit-log entry go in with a few multi-row INSERTs, and ``page_published`` is
sent for each live page, so the webhook outbox records it as for any publication.

What Wagtail's per-save signals would have done is done once for the run instead: the search
index is updated in bulk at the end (``bulk_index``); the API caches are refreshed once
(refresh.py).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published

from cms.references import reference_rows
from publishing.signal_handlers import announced_in_bulk

INDEX_CHUNK = 200


class SectionSlots:
    """The section pages' next free tree positions and taken slugs, loaded once per section."""

    def __init__(self):
        self.next_step = {}
        self.slugs = {}
        self.added = defaultdict(int)  # section pk -> pages created and not yet counted in numchild

    def load(self, parent):
        if parent.pk not in self.next_step:
            last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
            self.next_step[parent.pk] = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            self.slugs[parent.pk] = set(Page.objects.child_of(parent).values_list("slug", flat=True))

    def path(self, parent):
        self.load(parent)
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] = step + 1  # a post rolled back leaves a gap: the tree does not mind
        return Page._get_path(parent.path, parent.depth + 1, step)

    def taken(self, parent, slug):
        self.load(parent)
        return slug in self.slugs[parent.pk]

    def created(self, parent, slug):
        self.slugs[parent.pk].add(slug)
        self.added[parent.pk] += 1

    def flush(self):
        """Count the batch's new pages in their sections (inside the batch's transaction)."""
        for parent_pk, count in self.added.items():
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)
        self.added.clear()


def foreign_key_names(model):
    return [field.name for field in model._meta.concrete_fields if isinstance(field, models.ForeignKey)]


def insert_page(page):
    """Insert the page's rows (Page and its specific table) without Page.save's per-save work."""
    cls = type(page)
    force_insert = page._validate_force_insert(True)
    page._save_parents(cls, "default", None, force_insert)
    page._save_table(False, cls, force_insert=True, using="default")
    page._state.adding, page._state.db = False, "default"


class NewPage:
    """A page written in its post's savepoint, with the rows the batch's flush adds for it."""

    def __init__(self, page, live, author, relations):
        self.page, self.live, self.author, self.relations = page, live, author, relations
        self.revision = None
        self.redirects = []  # new Redirect rows
        self.log_data = None


def create_page(writer, item, target, fields, *, author, published, modified, live):
    """Validate and insert a new page's own rows; returns a NewPage. Runs inside the post's savepoint."""
    parent = target.parent
    page = target.model(owner=author, locale_id=parent.locale_id, **fields)
    page.slug = writer.free_slug(parent, item, None)
    page.draft_title = page.title
    page.depth = parent.depth + 1
    page.path = writer.slots.path(parent)
    page.url_path = f"{parent.url_path}{page.slug}/"
    page.live = live
    page.has_unpublished_changes = not live
    if live:
        page.first_published_at, page.last_published_at = published, modified
    relations = target.relations(writer, item)
    page.clean_fields(exclude=[*foreign_key_names(target.model), *relations])
    insert_page(page)
    for name, value in relations.items():
        setattr(page, name, value)  # in memory (modelcluster): the revision's content carries them
    for relation in get_all_child_relations(page):  # a new page has no comments or other children yet
        setattr(page, relation.get_accessor_name(), [])
    return NewPage(page, live, author, relations)


def log_entry(page, revision, user, action, data):
    """The audit-log entry ``wagtail.log_actions.log`` would write, to insert with the batch.

    ``PageLogEntry.save`` runs ``full_clean`` (a query per foreign key and a check that the action
    is registered); these rows point at what the batch just wrote and the action is registered by
    this app, so they go in with one ``bulk_create`` in the batch's transaction.
    """
    context = get_active_log_context()
    return PageLogEntry(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        label=page.get_admin_display_title(),
        action=action,
        timestamp=timezone.now(),
        data=data,
        user=user or context.user,
        uuid=context.uuid,
        revision=revision,
        page=page,
    )


def flush_new_pages(new_pages, user, action):
    """The rows of a batch's new pages that need no answer back per post, a few INSERTs for the batch:
    many-to-many rows, revisions (then each page's latest/live revision), reference index,
    redirects and audit-log entries; then each live page's publication signal. Runs in the batch's
    transaction, before it commits."""
    if not new_pages:
        return
    through_rows = defaultdict(list)
    for new in new_pages:
        model = type(new.page)
        for name, related in new.relations.items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            through_rows[through] += [through(**{source: new.page, target: value}) for value in related]
    for through, rows in through_rows.items():
        through.objects.bulk_create(rows)

    now = timezone.now()
    revisions = []
    for new in new_pages:
        page = new.page
        new.revision = Revision(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=new.author,
            object_str=str(page),
            content=page.serializable_data(),
            created_at=now,
        )
        revisions.append(new.revision)
    Revision.objects.bulk_create(revisions)
    fields = ["latest_revision", "latest_revision_created_at", "live_revision"]
    for new in new_pages:
        page = new.page
        page.latest_revision, page.latest_revision_created_at = new.revision, now
        page.live_revision = new.revision if new.live else None
    rows = [Page(pk=new.page.pk, **{name: getattr(new.page, name) for name in fields}) for new in new_pages]
    Page.objects.bulk_update(rows, fields)

    references = []
    for new in new_pages:
        references += reference_rows(new.page)
    ReferenceIndex.objects.bulk_create(references, ignore_conflicts=True)
    Redirect.objects.bulk_create([redirect for new in new_pages for redirect in new.redirects])
    entries = [log_entry(new.page, new.revision, user, action, new.log_data) for new in new_pages]
    PageLogEntry.objects.bulk_create(entries)
    live = [new for new in new_pages if new.live]
    # The webhook outbox's "published" events for the batch in a few queries, not ~5 per page.
    with announced_in_bulk([new.page for new in live]):
        for new in live:
            page_published.send(sender=type(new.page), instance=new.page, revision=new.revision)


def new_redirects(writer, paths, page):
    """Permanent redirects from the old paths: new rows (inserted with the batch); an existing one is
    pointed at the page now."""
    new = []
    for old_path in paths:
        existing = writer.redirects.get(old_path)
        if existing is None:
            new.append(Redirect(old_path=old_path, site=None, redirect_page=page, is_permanent=True))
        elif existing != (page.pk, True):
            Redirect.objects.filter(site=None, old_path=old_path).update(
                redirect_page=page, redirect_link="", is_permanent=True
            )
            writer.report.redirects_updated += 1
    return new


def load_parental_m2m(model, pages):
    """Fill each page's parental many-to-many fields in memory from one query per field.

    The search indexer reads them with ``.all()`` three times per page (title, body, autocomplete),
    and modelcluster's manager does not use ``prefetch_related``'s cache: a query each time.
    """
    by_pk = {page.pk: page for page in pages}
    for field in model._meta.get_fields():
        if not isinstance(field, ParentalManyToManyField):
            continue
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        values = {pk: [] for pk in by_pk}
        rows = through.objects.filter(**{f"{source}_id__in": list(by_pk)}).select_related(target)
        for row in rows.order_by("pk"):
            values[getattr(row, f"{source}_id")].append(getattr(row, target))
        for pk, related in values.items():
            setattr(by_pk[pk], field.name, related)


def bulk_index(page_ids_by_model):
    """Add (or refresh) the imported pages in every auto-updated search backend, in chunks."""
    backends = list(get_search_backends(with_auto_update=True))
    for model, page_ids in page_ids_by_model.items():
        ids = sorted(page_ids)
        for start in range(0, len(ids), INDEX_CHUNK):
            pages = list(model.get_indexed_objects().filter(pk__in=ids[start : start + INDEX_CHUNK]))
            load_parental_m2m(model, pages)
            for backend in backends:
                backend.add_bulk(model, pages)
