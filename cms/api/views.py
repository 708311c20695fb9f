"""Endpoints: pages, images, documents — live public content, bulk-loaded, cached."""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.models import Exists, F, OuterRef
from django.http import Http404
from django.urls import path, reverse
from rest_framework.exceptions import APIException
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterError, FilterFieldError, OrderByFieldError

from cms.api.bulk import BulkContext
from cms.api.cache import cached_public_response, current_generation
from cms.api.filters import COMMON_PARAMS, MEDIA_ORDERS, check_params, common_params, page_params
from cms.api.public import SiteRoots, absolute_api_url, outer_path, public_documents, public_images, public_pages
from cms.api.registry import MAX_ID
from cms.api.renditions import document_representation
from cms.api.serializers import PublicPageSerializer, query_plan

SERIALIZER_CACHE_SIZE = 500


def search(queryset, params, ordering):
    """Run the configured Wagtail search backend over an already-public, filtered queryset."""
    base = queryset.model.objects.filter(pk__in=queryset.values("pk"))
    if params.order:
        base = base.order_by(*ordering)
    try:
        return get_search_backend().search(
            params.search, base, operator=params.search_operator, order_by_relevance=not params.order
        )
    except (FilterFieldError, OrderByFieldError, FilterError) as exc:
        raise BadRequestError(f"this search cannot be combined with the given filters or order ({exc})") from exc


def paginate(queryset, params, ordering, load=lambda queryset: queryset):
    """(total, objects) of the requested slice, searched or not; ``load`` adds the query plan."""
    window = slice(params.offset, params.offset + params.limit)
    if params.search is not None:
        results = search(queryset, params, ordering)
        try:
            # A savepoint, so PostgreSQL carries on after a refused query; not on SQLite, where
            # BEGIN IMMEDIATE would make a read wait for the write lock.
            guard = transaction.atomic() if connection.vendor == "postgresql" else contextlib.nullcontext()
            with guard:
                ids = [obj.pk for obj in results[window]]
                total = results.count()
        except DatabaseError as exc:
            # e.g. SQLite FTS5 refusing a stray quote: the query is bad input, not a server fault.
            raise BadRequestError("the search engine could not process this search text") from exc
        return total, in_order(load(queryset.filter(pk__in=ids)), ids)
    return queryset.count(), list(load(queryset.order_by(*ordering))[window])


def in_order(objects, ids):
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(objects, key=lambda obj: position[obj.pk])


class PublicEndpointMixin:
    """JSON only; every error a JSON body with a message; every view cached (ETag/304)."""

    renderer_classes = [JSONRenderer]
    # Anonymous by design: no session lookup, so no `Vary: Cookie` and no per-user variation.
    authentication_classes = []
    permission_classes = [AllowAny]

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
            path("<str:pk>/", cached_public_response(cls.as_view({"get": "detail_view"})), name="detail"),
        ]

    def get_renderer_context(self):
        return {**super().get_renderer_context(), "indent": None}  # compact JSON: smaller, faster

    def bulk_context(self):
        return BulkContext(SiteRoots.load(current_generation(self.request).value))

    def detail_url(self, pk):
        return absolute_api_url(reverse(f"wagtailapi:{self.endpoint_name}:detail", args=(pk,)))

    @staticmethod
    def check_pk(pk):
        """The id from the URL as an int; anything else is a JSON 404, never a 500."""
        if not pk.isdigit() or not 0 < int(pk) <= MAX_ID:
            raise Http404("not found: ids are positive integers")
        return int(pk)


class PublicPagesAPIViewSet(PublicEndpointMixin, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "html_path", "gestion", "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "html_path", "gestion"]
    _serializers = {}

    def serializer_for(self, model, detail):
        fields = self.request.GET.get("fields", "")
        key = (model, fields, detail)
        if key not in self._serializers:
            try:
                config = parse_fields_parameter(fields) if fields else []
            except ValueError as exc:
                raise BadRequestError(f"fields error: {exc}") from exc
            if config:
                # `id` and `meta.type` always stay (even with `_` or `-id`): a body without them
                # identifies nothing, and the OpenAPI document requires them (schemathesis found {}).
                config = [*config, ("id", False, None), ("type", False, None)]
            serializer = self._get_serializer_class(self.request.wagtailapi_router, model, config, show_details=detail)
            if len(self._serializers) >= SERIALIZER_CACHE_SIZE:
                self._serializers.clear()
            self._serializers[key] = serializer
        return self._serializers[key]

    def optimised(self, queryset, serializer_class):
        select, prefetch, streams = query_plan(queryset.model, serializer_class.Meta.fields)
        queryset = queryset.select_related(*select).prefetch_related(*prefetch)
        return queryset if streams else queryset.defer_streamfields()

    def serialize(self, objects, serializer_class):
        bulk = self.bulk_context()
        context = {"request": self.request, "view": self, "router": self.request.wagtailapi_router, "bulk": bulk}
        serializer = serializer_class(context=context)
        return bulk.resolve([serializer.to_representation(obj) for obj in objects])

    def listing_view(self, request):
        model, config, params = page_params(request)
        serializer_class = self.serializer_for(model, detail=False)
        queryset = public_pages(model).filter(*params.extra["scopes"], **params.extra["filters"])
        for name, direct in (("child_of", True), ("descendant_of", False)):
            if name in params.extra:
                queryset = queryset.filter(Exists(self._ancestor(params.extra[name], direct)))
        if params.order:
            ordering = [params.order, "-id" if params.order.startswith("-") else "id"]
        elif config.date_field:
            ordering = [f"-{config.date_field}", "-id"]
        else:
            ordering = ["path"]
        total, objects = paginate(queryset, params, ordering, lambda qs: self.optimised(qs, serializer_class))
        return Response({"meta": {"total_count": total}, "items": self.serialize(objects, serializer_class)})

    @staticmethod
    def _ancestor(page_id, direct):
        ancestor = public_pages().filter(pk=page_id).annotate(target=outer_path())
        ancestor = ancestor.filter(target__startswith=F("path"), depth__lt=OuterRef("depth"))
        return ancestor.filter(depth=OuterRef("depth") - 1) if direct else ancestor

    def detail_response(self, candidates):
        """The detail body of the one page in ``candidates`` (a public_pages() queryset)."""
        row = candidates.values_list("pk", "content_type_id").first()
        if row is None:
            return None
        model = ContentType.objects.get_for_id(row[1]).model_class()
        serializer_class = self.serializer_for(model, detail=True)
        page = self.optimised(public_pages(model).filter(pk=row[0]), serializer_class).first()
        return Response(self.serialize([page], serializer_class)[0]) if page else None

    def detail_view(self, request, pk):
        pk = self.check_pk(pk)
        check_params(request, {"fields", "rich_text_format"})
        response = self.detail_response(public_pages().filter(pk=pk))
        if response is None:
            raise Http404("no public page with this id")
        return response


class PublicImagesAPIViewSet(PublicEndpointMixin, ImagesAPIViewSet):
    endpoint_name = "images"

    def represent(self, ids):
        bulk = self.bulk_context()
        items = bulk.resolve([bulk.image(pk) for pk in ids])
        meta = {"type": self.model._meta.label}
        return [{**item, "meta": {**meta, "detail_url": self.detail_url(item["id"])}} for item in items if item]

    def listing_view(self, request):
        check_params(request, COMMON_PARAMS)
        params = common_params(request, MEDIA_ORDERS)
        ordering = [params.order, "id"] if params.order else ["-created_at", "-id"]
        total, images = paginate(public_images(), params, ordering, lambda queryset: queryset.only("pk"))
        return Response({"meta": {"total_count": total}, "items": self.represent([image.pk for image in images])})

    def detail_view(self, request, pk):
        pk = self.check_pk(pk)
        check_params(request, set())
        items = self.represent([pk])
        if not items:
            raise Http404("no public image with this id")
        return Response(items[0])


class PublicDocumentsAPIViewSet(PublicEndpointMixin, DocumentsAPIViewSet):
    endpoint_name = "documents"

    def represent(self, documents):
        meta = {"type": self.model._meta.label}
        return [
            {**document_representation(doc), "meta": {**meta, "detail_url": self.detail_url(doc.pk)}}
            for doc in documents
        ]

    def listing_view(self, request):
        check_params(request, COMMON_PARAMS)
        params = common_params(request, MEDIA_ORDERS)
        ordering = [params.order, "id"] if params.order else ["-created_at", "-id"]
        total, documents = paginate(public_documents(), params, ordering)
        return Response({"meta": {"total_count": total}, "items": self.represent(documents)})

    def detail_view(self, request, pk):
        pk = self.check_pk(pk)
        check_params(request, set())
        documents = list(public_documents().filter(pk=pk))
        if not documents:
            raise Http404("no public document with this id")
        return Response(self.represent(documents)[0])
