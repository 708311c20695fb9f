"""The one definition of "public now", and the public (website) address of a page.

Every public surface (pages API, resolve, search, RSS, calendar, ICS, screens, webhooks,
document files) asks these querysets, so they cannot disagree:

- a page is public when it is live, not expired (``expire_at`` in the past counts at once,
  not at the worker's next pass), past its go-live, below a site root, and neither it nor
  an ancestor carries a view restriction (password, login, groups);
- an image or document is public when its collection (and every ancestor collection) is
  unrestricted AND a public page uses it, directly or through a snippet a public page
  shows (Wagtail's reference index answers "used by"). An upload is private until
  published content uses it.

They are plain querysets with no query of their own: restrictions and usage are
correlated subqueries, so they stay correct without any cache.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import CharField, Exists, ExpressionWrapper, F, Func, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from django.db.models.lookups import Exact
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, ReferenceIndex, Site

from cms.object_ids import in_queryset


def outer_path(name="path"):
    """The outer query's tree path, usable on the left of ``__startswith`` in a subquery."""
    return ExpressionWrapper(OuterRef(name), output_field=CharField())


def _restricted_ancestor(path_ref):
    """A view restriction on the page at ``path_ref`` or on one of its ancestors."""
    return PageViewRestriction.objects.annotate(target=path_ref).filter(target__startswith=F("page__path"))


def _under_restriction():
    """The outer page is under a view restriction (its own or an ancestor's).

    On SQLite the correlated test is guarded by "is there any restriction at all", which SQLite
    evaluates once per query: it ran the correlated subquery for every row even with no restriction
    in the database (23 of the 61 ms of counting 100,000 public notes). With restrictions, the same
    test as before. PostgreSQL runs the plain test as an anti-join (its EXPLAIN at 20,000 notes): left
    as it is there."""
    restricted = Exists(_restricted_ancestor(outer_path()))
    if connection.vendor == "sqlite":
        return Q(Exists(PageViewRestriction.objects.all())) & Q(restricted)
    return Q(restricted)


def _private_collection(path_ref):
    return CollectionViewRestriction.objects.annotate(target=path_ref).filter(target__startswith=F("collection__path"))


def public_pages(model=None, now=None):
    """Live pages an anonymous visitor may see: published, not expired, not scheduled for
    later, below a site root, and not under a view restriction (password, login, groups)."""
    model = model or Page
    now = now or timezone.now()
    return (
        model.objects.filter(live=True, expired=False, depth__gt=1)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .exclude(_under_restriction())
    )


def of_language(language_code):
    """A filter (Q) for pages in the language ``language_code``.

    On SQLite it reads ``(+locale_id) = <that locale's id>``: SQLite plans without statistics and
    takes an equality on an indexed column as the best way in, so a plain locale filter made it walk
    every page of the language (23,500 rows at 20,000 notes) and sort them, where the date index
    gives the newest 20 in a few rows (the screens' notes: 33 -> 5 ms at 20,000). A unary ``+`` is
    SQLite's documented way to keep a term off an index. PostgreSQL plans from statistics: the plain
    join there."""
    if connection.vendor != "sqlite":
        return Q(locale__language_code=language_code)
    locale_id = Subquery(Locale.objects.filter(language_code=language_code).values("pk")[:1])
    return Q(Exact(Func(F("locale_id"), template="(+%(expressions)s)", output_field=IntegerField()), locale_id))


def is_public_page(page, now=None):
    """The same test as ``public_pages()`` for one page (one query)."""
    return page.pk is not None and public_pages(now=now).filter(pk=page.pk).exists()


def _from_public_page(page_type, now=None):
    """A reference index row (the outer query's) written by a page that is public now.

    Correlated by primary key (the row's ``object_id`` is the page id as text): one index lookup per
    row looked at, where ``object_id IN (every public page id)`` listed all 20,000 notes first
    (40 ms per image listing at that size). The content type test comes first, so only page rows,
    whose ids are digits, are cast."""
    return Q(base_content_type=page_type) & Q(in_queryset(public_pages(now=now), "object_id"))


def used_by_public_pages(model, now=None):
    """A filter for ``model`` rows that a public page refers to (field, StreamField block,
    rich-text link or embed), or that a snippet shown by a public page refers to (a
    person's photo)."""
    page_type = ContentType.objects.get_for_model(Page)
    from_public_page = _from_public_page(page_type, now)
    shown_snippet = ReferenceIndex.objects.filter(
        from_public_page,
        to_content_type=OuterRef("base_content_type"),
        to_object_id=OuterRef("object_id"),
    )
    # People are public records shown inline wherever a page names them (also through
    # many-to-many fields, which the reference index does not follow): their photos are public.
    from cms.models import Person

    from_person = Q(base_content_type=ContentType.objects.get_for_model(Person))
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id=Cast(OuterRef("pk"), output_field=CharField()),
    ).filter(from_public_page | from_person | (~Q(base_content_type=page_type) & Q(Exists(shown_snippet))))
    return Exists(references)


def _public_media(model, now=None):
    return model.objects.exclude(Exists(_private_collection(outer_path("collection__path")))).filter(
        used_by_public_pages(model, now)
    )


def public_images(now=None):
    """Images outside private collections that published public content uses."""
    return _public_media(get_image_model(), now)


def public_documents(now=None):
    """Documents outside private collections that published public content uses."""
    return _public_media(get_document_model(), now)


def in_public_collection(obj):
    """True if no view restriction applies to the collection of ``obj`` (image or document)."""
    if obj is None or not obj.collection_id:
        return obj is not None
    path = obj.collection.path
    return (
        not CollectionViewRestriction.objects.annotate(target=Value(path, output_field=CharField()))
        .filter(target__startswith=F("collection__path"))
        .exists()
    )


def absolute_api_url(path):
    """An absolute URL on the API host (WAGTAILAPI_BASE_URL) for a path or a storage URL."""
    if not path or path.startswith(("http://", "https://", "//")):
        return path
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + path


class SiteRoots:
    """The default site's root page and its translations: what public paths are relative to."""

    CACHE_KEY = "cms_api:site_roots:{generation}"

    def __init__(self, roots, default_language):
        # [(url_path, language_code)] longest first, so the most specific root wins.
        self.roots = sorted(roots, key=lambda root: len(root[0]), reverse=True)
        self.default_language = default_language
        self.by_language = {language: url_path for url_path, language in self.roots}

    @classmethod
    def load(cls, generation=None):
        key = cls.CACHE_KEY.format(generation=generation) if generation is not None else None
        roots = cache.get(key) if key else None
        if roots is None:
            # One query: the default site's root page and all its translations.
            root_key = Site.objects.filter(is_default_site=True).values("root_page__translation_key")[:1]
            roots = list(
                Page.objects.filter(translation_key=Subquery(root_key)).values_list(
                    "url_path", "locale__language_code"
                )
            )
            if key:
                cache.set(key, roots, 3600)
        return cls(roots, settings.LANGUAGE_CODE)

    def public_path(self, url_path, language_code):
        """The page's path on the website: relative to its root, with /<lang> when not default."""
        for root_path, root_language in self.roots:
            if url_path.startswith(root_path) and root_language == language_code:
                relative = url_path[len(root_path) - 1 :]
                if language_code != self.default_language:
                    return f"/{language_code}{relative}"
                return relative
        return None

    def public_url(self, url_path, language_code):
        path = self.public_path(url_path, language_code)
        return None if path is None else settings.WEBSITE_URL.rstrip("/") + path

    def url_path_for(self, public_path):
        """The reverse of ``public_path``: (url_path, language_code), or None if not ours."""
        segments = [segment for segment in public_path.split("/") if segment]
        language = self.default_language
        if segments and segments[0] in self.by_language and segments[0] != self.default_language:
            language = segments.pop(0)
        root_path = self.by_language.get(language)
        if root_path is None:
            return None
        return root_path + "".join(f"{segment}/" for segment in segments), language
