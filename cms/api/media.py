"""Images and documents endpoints: our ready representations (renditions, sizes) with stock
v2's meta (type, detail_url, tags, download_url), ``fields=`` and field filters."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from rest_framework.response import Response
from taggit.models import TaggedItem
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.api.params.listing import fields_config, ordering
from cms.api.params.media import media_query
from cms.api.params.query import Query
from cms.api.public import absolute_api_url, public_documents, public_images
from cms.api.renditions import document_representation
from cms.api.selection import select, selected_names
from cms.api.views import PublicEndpointMixin, paginate

META_FIELDS = ["type", "detail_url", "tags", "download_url"]
# Shown when a page's linked image or document is given sub-fields, as stock's nested defaults.
NESTED_DEFAULTS = ["id", "type", "detail_url", "title", "download_url"]


def tags_by_id(model, ids):
    """{object id: [tag names]} in one query."""
    found = {pk: [] for pk in ids}
    rows = TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    for object_id, name in rows.order_by("tag__name").values_list("object_id", "tag__name"):
        found.setdefault(object_id, []).append(name)
    return found


class PublicMediaMixin(PublicEndpointMixin):
    # Stock's database fields of the endpoint: what may be filtered and ordered by.
    filter_fields = ["id", "title", "tags"]

    @classmethod
    def api_field_names(cls, model=None):
        return cls.body_fields + META_FIELDS

    def selection(self, config):
        names = self.api_field_names()
        return selected_names(config, names, names)

    def with_meta(self, item, obj, tags):
        meta = {
            "type": self.model._meta.label,
            "detail_url": self.detail_url(obj.pk),
            "tags": tags.get(obj.pk, []),
            "download_url": absolute_api_url(obj.file.url),
        }
        return {**item, "meta": meta}

    def listing_view(self, request):
        params, lookups, tags = media_query(request, self.model, self.api_field_names(), self.filter_fields)
        names = self.selection(params.fields)
        queryset = self.public_queryset().filter(**lookups)
        for tag in tags:
            queryset = queryset.filter(tags__name=tag)
        order_by = ordering(params, ["-created_at", "-id"])
        total, objects = paginate(queryset, params, order_by)
        return Response({"meta": {"total_count": total}, "items": self.represent(objects, names)})

    def detail_view(self, request, pk):
        pk = self.check_pk(pk)
        names = self.selection(fields_config(Query(request)))
        items = self.represent(list(self.public_queryset().filter(pk=pk)), names)
        if not items:
            raise Http404(f"no public {self.model._meta.verbose_name} with this id")
        return Response(items[0])

    def find_queryset(self):
        return self.public_queryset()


class PublicImagesAPIViewSet(PublicMediaMixin, ImagesAPIViewSet):
    endpoint_name = "images"
    body_fields = ["id", "title", "alt", "credit", "width", "height", "renditions"]
    filter_fields = ["id", "title", "width", "height", "tags"]

    def public_queryset(self):
        return public_images()

    def represent(self, images, names):
        bulk = self.bulk_context()
        ids = [image.pk for image in images]
        items = bulk.resolve([bulk.image(pk) for pk in ids])
        tags = tags_by_id(self.model, ids) if "tags" in names and ids else {}
        return [
            select(self.with_meta(item, bulk.images[item["id"]], tags), names)
            for item in items
            if item  # an image made private between the two queries
        ]


class PublicDocumentsAPIViewSet(PublicMediaMixin, DocumentsAPIViewSet):
    endpoint_name = "documents"
    body_fields = ["id", "title", "url", "filename", "size", "type", "content_type"]

    def public_queryset(self):
        return public_documents()

    def represent(self, documents, names):
        tags = tags_by_id(self.model, [doc.pk for doc in documents]) if "tags" in names and documents else {}
        return [select(self.with_meta(document_representation(doc), doc, tags), names) for doc in documents]
