"""Serializers of the public API: Wagtail v2's, with bulk placeholders for everything that
would otherwise cost a query per item (images, documents, linked pages, rich text)."""

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from modelcluster.models import get_all_child_relations
from rest_framework.fields import Field
from wagtail import fields as wagtail_fields
from wagtail.api.v2.serializers import PageSerializer
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from cms.api.streamfield import stream_representation
from cms.api.translations import TranslationsField

# Fields shown for people/categories inline besides their ``api_fields``.
INLINE_EXTRA_FIELDS = {"cms.person": ["photo"]}


def ref_kind(model):
    if issubclass(model, AbstractImage):
        return "image"
    if issubclass(model, AbstractDocument):
        return "document"
    if issubclass(model, Page):
        return "page"
    return None


def inline_field_names(model):
    names = [getattr(f, "name", f) for f in getattr(model, "api_fields", ())]
    return names + [n for n in INLINE_EXTRA_FIELDS.get(model._meta.label_lower, []) if n not in names]


def inline_representation(obj, bulk):
    """A snippet (person, category…) shown in place: its id and its public fields."""
    data = {"id": obj.pk}
    for name in inline_field_names(type(obj)):
        model_field = obj._meta.get_field(name)
        if model_field.many_to_one and ref_kind(model_field.related_model):
            pk = getattr(obj, model_field.attname)
            data[name] = getattr(bulk, ref_kind(model_field.related_model))(pk) if pk else None
        else:
            data[name] = model_field.value_from_object(obj)
    return data


class ReadOnlyField(Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True)


class RefField(ReadOnlyField):
    """A foreign key to an image, document or page: a placeholder resolved in bulk."""

    def __init__(self, kind, attname, **kwargs):
        self.kind, self.attname = kind, attname
        super().__init__()

    def get_attribute(self, instance):
        return getattr(instance, self.attname)

    def to_representation(self, pk):
        bulk = self.context["bulk"]
        ref = getattr(bulk, self.kind)(pk)
        # fields=main_image(width,title): stock v2's nested selection on our representation.
        config = self.context.get("sub_fields", {}).get(self.field_name)
        return bulk.selected(ref, config) if config else ref


class InlineField(ReadOnlyField):
    """A foreign key to a snippet, loaded with select_related and shown inline."""

    def to_representation(self, obj):
        return inline_representation(obj, self.context["bulk"])


class InlineManyField(ReadOnlyField):
    """A many-to-many to snippets (categories, people), prefetched and shown inline."""

    def to_representation(self, manager):
        return [inline_representation(obj, self.context["bulk"]) for obj in manager.all()]


class RichTextHTMLField(ReadOnlyField):
    def to_representation(self, value):
        if self.context.get("rich_text_format") == "db_html":
            return str(value)  # stock's stored form, internal references as ids
        return self.context["bulk"].rich_text(str(value))


class StreamHTMLField(ReadOnlyField):
    def to_representation(self, value):
        return stream_representation(value.stream_block, list(value.raw_data), self.context["bulk"], self.context)


class PublicURLField(ReadOnlyField):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.context["bulk"].roots.public_url(page.url_path, page.locale.language_code)


class PublicPathField(PublicURLField):
    def to_representation(self, page):
        return self.context["bulk"].roots.public_path(page.url_path, page.locale.language_code)


class ParentField(ReadOnlyField):
    def get_attribute(self, instance):
        return instance.path[: -instance.steplen] if instance.depth > 2 else None

    def to_representation(self, tree_path):
        return self.context["bulk"].page_at_path(tree_path)


class GestionField(ReadOnlyField):
    """The mayoral term the page belongs to (cms.terms), loaded for the whole response at once."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        from cms.terms import load_terms

        try:
            override = page.term_override.term_id
        except ObjectDoesNotExist:
            override = None
        return self.context["bulk"].deferred("gestion", (override, page.first_published_at), load_terms)


class PublicPageSerializer(PageSerializer):
    serializer_field_mapping = PageSerializer.serializer_field_mapping.copy()
    serializer_field_mapping.update(
        {wagtail_fields.StreamField: StreamHTMLField, wagtail_fields.RichTextField: RichTextHTMLField}
    )
    html_url = PublicURLField()
    html_path = PublicPathField()
    parent = ParentField()
    gestion = GestionField()
    translations = TranslationsField()
    alias_of = RefField("page", "alias_of_id")

    def build_relational_field(self, field_name, relation_info):
        model_field = relation_info.model_field
        child_relations = {rel.get_accessor_name() for rel in get_all_child_relations(self.Meta.model)}
        if field_name in child_relations:
            return super().build_relational_field(field_name, relation_info)
        if relation_info.to_many:
            return InlineManyField, {}
        kind = ref_kind(relation_info.related_model)
        if kind:
            return RefField, {"kind": kind, "attname": model_field.attname}
        return InlineField, {}


def query_plan(model, field_names):
    """select_related / prefetch_related / defer_streamfields for the fields serialized."""
    select, prefetch, streams = ["locale"], [], False
    # A computed API field names the model fields it reads (e.g. a speech's comparison).
    needs = getattr(model, "api_field_needs", {})
    field_names = [*field_names, *(need for name in field_names for need in needs.get(name, ()))]
    if "gestion" in field_names:
        select.append("term_override")  # a reverse one-to-one: joined, no query of its own
    for name in field_names:
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a meta field or a property: nothing to load
            continue
        if isinstance(model_field, wagtail_fields.StreamField):
            streams = True
        elif model_field.many_to_many:
            prefetch.append(name)
        elif model_field.many_to_one and not ref_kind(model_field.related_model):
            select.append(name)
    return select, prefetch, streams
