"""JSON Schemas (OpenAPI 3.1) of page types, their fields and StreamField blocks, derived
from the models' ``api_fields`` and block definitions, so the document follows the code."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from cms.api.serializers import inline_field_names, ref_kind

REF = "#/components/schemas/"
KIND_COMPONENT = {"image": "Image", "document": "Document", "page": "PageRef"}


def ref(name):
    return {"$ref": REF + name}


def nullable(schema):
    if "$ref" in schema or "type" not in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    schema = dict(schema)
    if isinstance(schema["type"], str):
        schema["type"] = [schema["type"], "null"]
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    return schema


def html_string(description="HTML con URL públicas."):
    return {"type": "string", "description": description}


class SchemaBuilder:
    """Collects the component schemas while page types are described."""

    def __init__(self):
        self.components = {}

    # --- Django model fields ---
    def field_schema(self, model, name):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            # A computed field documents itself on its model (e.g. a speech's comparison).
            return getattr(model, "api_field_schemas", {}).get(name, {})
        if isinstance(field, wagtail_fields.StreamField):
            return ref(self.stream_component(field.stream_block))
        if isinstance(field, wagtail_fields.RichTextField):
            return html_string()
        if field.many_to_many:
            return {"type": "array", "items": ref(self.inline_component(field.related_model))}
        if field.many_to_one:
            kind = ref_kind(field.related_model)
            target = KIND_COMPONENT[kind] if kind else self.inline_component(field.related_model)
            return nullable(ref(target))
        schema = self.scalar_schema(field)
        if field.choices:
            schema["enum"] = [value for value, _label in field.flatchoices]
            if field.blank and "" not in schema["enum"] and schema.get("type") == "string":
                schema["enum"].append("")
        if field.verbose_name:
            schema["description"] = str(field.verbose_name)
        return nullable(schema) if field.null else schema

    @staticmethod
    def scalar_schema(field):
        if isinstance(field, models.BooleanField):
            return {"type": "boolean"}
        if isinstance(field, (models.IntegerField, models.AutoField)):
            return {"type": "integer"}
        if isinstance(field, models.FloatField):
            return {"type": "number"}
        if isinstance(field, models.DateTimeField):
            return {"type": "string", "format": "date-time"}
        if isinstance(field, models.DateField):
            return {"type": "string", "format": "date"}
        if isinstance(field, models.TimeField):
            return {"type": "string", "format": "time"}
        return {"type": "string"}

    def inline_component(self, model):
        name = model._meta.label
        if name not in self.components:
            self.components[name] = {}  # placeholder against recursion
            properties = {"id": {"type": "integer"}}
            for field_name in inline_field_names(model):
                properties[field_name] = self.field_schema(model, field_name)
            self.components[name] = {
                "type": "object",
                "description": str(model._meta.verbose_name),
                "properties": properties,
                "required": list(properties),
                "additionalProperties": False,
            }
        return name

    # --- StreamField blocks ---
    def stream_component(self, stream_block):
        name = f"{type(stream_block).__module__.split('.')[0]}.{type(stream_block).__name__}"
        if name not in self.components:
            self.components[name] = {}
            variants = []
            for block_name, child in stream_block.child_blocks.items():
                variants.append(
                    {
                        "type": "object",
                        "properties": {
                            "type": {"type": "string", "enum": [block_name]},
                            "value": self.block_schema(child),
                            "id": {"type": ["string", "null"]},
                        },
                        "required": ["type", "value", "id"],
                        "additionalProperties": False,
                    }
                )
            self.components[name] = {"type": "array", "items": {"anyOf": variants}}
        return name

    def block_schema(self, block):
        if isinstance(block, (ImageBlock, ImageChooserBlock)):
            return nullable(ref("Image"))
        if isinstance(block, DocumentChooserBlock):
            return nullable(ref("Document"))
        if isinstance(block, blocks.PageChooserBlock):
            return nullable(ref("PageRef"))
        if isinstance(block, blocks.RichTextBlock):
            return html_string()
        if isinstance(block, blocks.StreamBlock):
            return ref(self.stream_component(block))
        if isinstance(block, blocks.StructBlock):
            properties = {name: self.block_schema(child) for name, child in block.child_blocks.items()}
            return {
                "type": "object",
                "properties": properties,
                "required": list(properties),
                "additionalProperties": False,
            }
        if isinstance(block, blocks.ListBlock):
            return {"type": "array", "items": self.block_schema(block.child_block)}
        if isinstance(block, blocks.BooleanBlock):
            return {"type": ["boolean", "null"]}
        if isinstance(block, blocks.IntegerBlock):
            return {"type": ["integer", "null"]}
        if isinstance(block, (blocks.FloatBlock, blocks.DecimalBlock)):
            return {"type": ["number", "string", "null"]}
        if isinstance(block, blocks.DateBlock):
            return {"type": ["string", "null"], "format": "date"}
        if isinstance(block, blocks.DateTimeBlock):
            return {"type": ["string", "null"], "format": "date-time"}
        if isinstance(block, blocks.FieldBlock):
            return {"type": ["string", "null"]}
        return {}

    # --- pages ---
    def page_component(self, model, body_fields, meta_fields):
        label = model._meta.label
        meta = {
            "type": {"type": "string", "enum": [label]},
            "detail_url": {"type": "string", "format": "uri"},
            "html_url": nullable({"type": "string", "format": "uri", "description": "URL en el sitio web."}),
            "html_path": nullable({"type": "string", "description": "Ruta pública (para /api/v2/resolve/)."}),
            "slug": {"type": "string"},
            "show_in_menus": {"type": "boolean"},
            "seo_title": {"type": "string"},
            "search_description": {"type": "string"},
            "first_published_at": nullable({"type": "string", "format": "date-time"}),
            "alias_of": nullable(ref("PageRef")),
            "parent": nullable(ref("PageRef")),
            "locale": {"type": "string"},
            "gestion": nullable(
                {
                    "type": "object",
                    "description": "Gestión municipal según la primera publicación (hora de Lima).",
                    "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
                    "required": ["slug", "name"],
                    "additionalProperties": False,
                }
            ),
            "translations": {
                "type": "array",
                "description": "Traducciones públicas de la página en los otros idiomas.",
                "items": {
                    "type": "object",
                    "properties": {
                        "locale": {"type": "string"},
                        "id": {"type": "integer"},
                        "html_url": nullable({"type": "string", "format": "uri"}),
                        "outdated": {
                            "type": "boolean",
                            "description": "Desactualizada: el original cambió después de la última sincronización.",
                        },
                    },
                    "required": ["locale", "id", "html_url", "outdated"],
                    "additionalProperties": False,
                },
            },
        }
        properties = {
            "id": {"type": "integer"},
            "meta": {"type": "object", "properties": meta, "additionalProperties": False},
        }
        for name in body_fields:
            if name == "title":
                properties[name] = {"type": "string"}
            elif name != "id":
                properties[name] = self.field_schema(model, name)
        for name in meta_fields:
            if name not in meta:
                meta[name] = self.field_schema(model, name)
        self.components[label] = {
            "type": "object",
            "description": f"{model._meta.verbose_name} ({label})",
            "properties": properties,
            "required": ["id", "meta"],
            "additionalProperties": False,
        }
        return label
