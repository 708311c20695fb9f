"""Endpoints: pages (listing, detail, find) — live public content, bulk-loaded, cached.
Images and documents are in ``cms.api.media``; every parameter is parsed in ``cms.api.params``."""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.models import Exists, F, OuterRef, Subquery
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import path, reverse
from rest_framework.exceptions import APIException
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterError, FilterFieldError, OrderByFieldError

from cms.api.bulk import BulkContext
from cms.api.cache import cached_public_response, current_generation
from cms.api.params.listing import fields_config, ordering
from cms.api.params.pages import ROOT, detail_params, page_query
from cms.api.params.query import Query
from cms.api.params.values import InvalidParam, parse_id
from cms.api.public import SiteRoots, absolute_api_url, of_language, outer_path, public_pages
from cms.api.serializers import PublicPageSerializer, query_plan

SERIALIZER_CACHE_SIZE = 500
# Stock v2's messages when the page a tree filter names is not public (or does not exist).
MISSING_TREE_PAGE = {
    "child_of": "parent page doesn't exist",
    "descendant_of": "ancestor page doesn't exist",
    "ancestor_of": "descendant page doesn't exist",
    "translation_of": "translation_of page doesn't exist",
}


def search(queryset, params, order_by):
    """Run the configured Wagtail search backend over an already-public, filtered queryset."""
    backend = get_search_backend()
    by_order = bool(params.order or params.random)
    if getattr(backend, "filters_in_sql", False):
        # The database backend (search.database) checks the public filters per matched entry; only
        # the ids are used here (the page of objects is loaded below).
        base = (queryset.order_by(*order_by) if by_order else queryset.order_by()).only("pk")
    else:
        # An engine filters only on its FilterFields: it gets the public ids.
        base = queryset.model.objects.filter(pk__in=queryset.values("pk"))
        if by_order:
            base = base.order_by(*order_by)
    try:
        return backend.search(params.search, base, operator=params.search_operator, order_by_relevance=not by_order)
    except (FilterFieldError, OrderByFieldError, FilterError) as exc:
        raise BadRequestError(f"this search cannot be combined with the given filters or order ({exc})") from exc


def paginate(queryset, params, order_by, load=lambda queryset: queryset, counted=None):
    """(total, objects) of the requested slice, searched or not; ``load`` adds the query plan;
    ``counted``: a cheaper queryset with the same rows, for the count."""
    window = slice(params.offset, params.offset + params.limit)
    if params.search is not None:
        results = search(queryset, params, order_by)
        try:
            # A savepoint, so PostgreSQL carries on after a refused query; not on SQLite, where
            # BEGIN IMMEDIATE would make a read wait for the write lock.
            guard = transaction.atomic() if connection.vendor == "postgresql" else contextlib.nullcontext()
            with guard:
                ids = [obj.pk for obj in results[window]] if params.limit else []
                total = results.count()
        except DatabaseError as exc:
            # e.g. SQLite FTS5 refusing a stray quote: the query is bad input, not a server fault.
            raise BadRequestError("the search engine could not process this search text") from exc
        return total, in_order(load(queryset.filter(pk__in=ids)), ids) if ids else []
    objects = list(load(queryset.order_by(*order_by))[window]) if params.limit else []
    return (queryset if counted is None else counted).count(), objects


def in_order(objects, ids):
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(objects, key=lambda obj: position[obj.pk])


def parse_pk(pk):
    """The id from the URL as an int (ASCII digits only); anything else a JSON 404, never a 500."""
    try:
        return parse_id(pk)
    except InvalidParam:
        raise Http404("not found: ids are positive integers") from None


class PublicEndpointMixin:
    """JSON only; every error a JSON body with a message; every view cached (ETag/304)."""

    renderer_classes = [JSONRenderer]
    # Anonymous by design: no session lookup, so no `Vary: Cookie` and no per-user variation.
    authentication_classes = []
    permission_classes = [AllowAny]
    # Parameters that only find the object; the rest are kept on the redirect to the detail.
    find_query_parameters = frozenset(["id"])

    def perform_content_negotiation(self, request, force=False):
        """DRF answers an unknown ``?format=`` with a 404 before any view code: a 400 that says why."""
        formats = request.query_params.getlist("format")
        if formats and formats[-1] != "json" and not force:  # force: rendering that very 400
            raise BadRequestError("'format' must be 'json' (the only format of this API)")
        return super().perform_content_negotiation(request, force)

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or "not found"}, status=404)
        if isinstance(exc, BadRequestError):
            return Response({"message": str(exc)}, status=400)
        if isinstance(exc, APIException):
            response = Response({"message": str(exc.detail)}, status=exc.status_code)
            for header in ("Allow", "WWW-Authenticate", "Retry-After"):
                if header in getattr(exc, "headers", {}):
                    response[header] = exc.headers[header]
            return response
        return super().handle_exception(exc)

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cached_public_response(cls.as_view({"get": "listing_view"})), name="listing"),
            path("find/", cached_public_response(cls.as_view({"get": "find_view"})), name="find"),
            path("<str:pk>/", cached_public_response(cls.as_view({"get": "detail_view"})), name="detail"),
            path("<str:pk>", add_slash, name="detail-no-slash"),
        ]

    def get_renderer_context(self):
        return {**super().get_renderer_context(), "indent": None}  # compact JSON: smaller, faster

    def bulk_context(self):
        return BulkContext(SiteRoots.load(current_generation(self.request).value))

    def detail_url(self, pk):
        return absolute_api_url(reverse(f"wagtailapi:{self.endpoint_name}:detail", args=(pk,)))

    check_pk = staticmethod(parse_pk)

    def find_view(self, request):
        """Stock's find view: 302 to the detail of what ``find_pk`` finds, other parameters kept."""
        pk = self.find_pk(Query(request))
        if pk is None:
            raise Http404("not found")
        query = request.GET.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        return HttpResponseRedirect(f"{self.detail_url(pk)}?{query.urlencode()}")

    def find_pk(self, query):
        if "id" not in query:
            return None
        try:
            pk = parse_id(query.raw("id"))
        except InvalidParam:
            return None
        return pk if self.find_queryset().filter(pk=pk).exists() else None


def add_slash(request, pk):
    """A detail URL without its trailing slash: 301 to it, as stock's APPEND_SLASH does."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{request.path}/" + (f"?{query}" if query else ""))


def _default_root():
    return Subquery(Site.objects.filter(is_default_site=True).values("root_page_id")[:1])


def tree_target(value):
    """The public page a tree filter names (an id or ``root``), as a queryset."""
    return public_pages().filter(pk=_default_root() if value == ROOT else value)


def tree_condition(name, target):
    if name == "translation_of":
        return Exists(target.filter(translation_key=OuterRef("translation_key")).exclude(pk=OuterRef("pk")))
    if name == "ancestor_of":
        return Exists(target.filter(path__startswith=OuterRef("path"), depth__gt=OuterRef("depth")))
    above = target.annotate(target=outer_path()).filter(target__startswith=F("path"), depth__lt=OuterRef("depth"))
    return Exists(above.filter(depth=OuterRef("depth") - 1) if name == "child_of" else above)


def site_condition(hostname, port):
    """Pages under the site's root page or one of its translations (stock's ``site=``)."""
    sites = Site.objects.filter(hostname=hostname, **({"port": port} if port else {}))
    keys = list(sites.values_list("root_page__translation_key", flat=True)[:2])
    if not keys:
        raise Http404("No Site matches the given query.")
    if len(keys) > 1:
        raise BadRequestError("Your query returned multiple sites. Try adding a port number to your site filter.")
    roots = Page.objects.filter(translation_key=keys[0]).annotate(target=outer_path())
    return Exists(roots.filter(target__startswith=F("path")))


class PublicPagesAPIViewSet(PublicEndpointMixin, PagesAPIViewSet):
    endpoint_name = "pages"
    base_serializer_class = PublicPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "html_path", "gestion", "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "html_path", "gestion"]
    find_query_parameters = frozenset(["id", "html_path"])
    _serializers = {}

    @classmethod
    def api_field_names(cls, model):
        return cls.get_body_fields_names(model) + cls.get_meta_fields_names(model)

    def serializer_for(self, model, detail):
        fields = self.request.GET.get("fields", "")
        key = (model, fields, detail)
        if key not in self._serializers:
            config = fields_config(Query(self.request))
            if config:
                # `id` and `meta.type` always stay (even with `_` or `-id`): a body without them
                # identifies nothing, and the OpenAPI document requires them (schemathesis found {}).
                config = [*config, ("id", False, None), ("type", False, None)]
            serializer = self._get_serializer_class(self.request.wagtailapi_router, model, config, show_details=detail)
            serializer.sub_fields = {name: sub for name, negated, sub in config if sub and not negated}
            if len(self._serializers) >= SERIALIZER_CACHE_SIZE:
                self._serializers.clear()
            self._serializers[key] = serializer
        return self._serializers[key]

    def optimised(self, queryset, serializer_class):
        select, prefetch, streams = query_plan(queryset.model, serializer_class.Meta.fields)
        queryset = queryset.select_related(*select).prefetch_related(*prefetch)
        return queryset if streams else queryset.defer_streamfields()

    def serialize(self, objects, serializer_class, rich_text_format="html"):
        bulk = self.bulk_context()
        context = {
            "request": self.request,
            "view": self,
            "router": self.request.wagtailapi_router,
            "bulk": bulk,
            "rich_text_format": rich_text_format,
            "sub_fields": getattr(serializer_class, "sub_fields", {}),
        }
        serializer = serializer_class(context=context)
        return bulk.resolve([serializer.to_representation(obj) for obj in objects])

    def listing_view(self, request):
        found = page_query(request, self.api_field_names)
        serializer_class = self.serializer_for(found.model, detail=False)
        queryset = public_pages(found.model).filter(*found.scopes, **found.filters)
        if len(found.types) > 1:
            queryset = queryset.type(*found.types)
        if found.site:
            queryset = queryset.filter(site_condition(*found.site))
        for name, value in found.tree.items():
            queryset = queryset.filter(tree_condition(name, tree_target(value)))
        date_field = found.config.date_field
        order_by = ordering(found.params, [f"-{date_field}", "-id"] if date_field else ["path"])
        load = lambda qs: self.optimised(qs, serializer_class)  # noqa: E731
        total, objects = paginate(queryset, found.params, order_by, load, self.counted_by_type(found))
        if not total:
            self.check_tree_targets(found.tree)
        items = self.serialize(objects, serializer_class, found.params.extra["rich_text_format"])
        return Response({"meta": {"total_count": total}, "items": items})

    @staticmethod
    def counted_by_type(found):
        """The same public pages as a one-type listing with no other filter, as ``wagtailcore_page``
        rows of the type's content types (Wagtail's ``type()``): counted without joining the type's
        own table, from the type's range of an index on SQLite (cms 0005). 100,000 notes: 43 -> 16 ms."""
        if found.model is Page or len(found.types) > 1 or found.narrowed:
            return None
        return public_pages().type(found.model)

    @staticmethod
    def check_tree_targets(tree):
        """Only for an empty result (no query otherwise): 400 if a named page is not public."""
        for name, value in tree.items():
            if not tree_target(value).exists():
                raise BadRequestError(MISSING_TREE_PAGE[name])

    def detail_response(self, candidates):
        """The detail body of the one page in ``candidates`` (a public_pages() queryset)."""
        rich_text_format = detail_params(self.request)["rich_text_format"]
        row = candidates.values_list("pk", "content_type_id").first()
        if row is None:
            return None
        model = ContentType.objects.get_for_id(row[1]).model_class()
        serializer_class = self.serializer_for(model, detail=True)
        page = self.optimised(public_pages(model).filter(pk=row[0]), serializer_class).first()
        return Response(self.serialize([page], serializer_class, rich_text_format)[0]) if page else None

    def detail_view(self, request, pk):
        pk = self.check_pk(pk)
        response = self.detail_response(public_pages().filter(pk=pk))
        if response is None:
            raise Http404("no public page with this id")
        return response

    def find_queryset(self):
        return public_pages()

    def find_pk(self, query):
        html_path = query.raw("html_path")
        if html_path is not None:
            found = SiteRoots.load(current_generation(self.request).value).url_path_for(html_path)
            if found is not None:
                url_path, language = found
                pk = public_pages().filter(of_language(language), url_path=url_path).values("pk").first()
                if pk is not None:
                    return pk["pk"]
        return super().find_pk(query)
