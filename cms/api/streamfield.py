"""StreamField values from their stored JSON: no per-block queries, rich text expanded.

Chooser blocks become bulk placeholders (see ``cms.api.bulk``) instead of being loaded
one stream at a time by ``StreamValue``; rich text blocks go through the same bulk
rewriter as rich text fields, so internal links get public URLs.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock


def stream_representation(stream_block, raw_items, bulk, context):
    items = []
    for item in raw_items or []:
        child = stream_block.child_blocks.get(item.get("type"))
        if child is None:
            continue  # a block type removed from the definition: nothing to show
        items.append(
            {"type": item["type"], "value": block_value(child, item.get("value"), bulk, context), "id": item.get("id")}
        )
    return items


def _list_items(raw):
    for item in raw or []:
        # ListBlock stores {"type": "item", "value": …, "id": …} since Wagtail 2.16; plain values before.
        yield item["value"] if isinstance(item, dict) and item.get("type") == "item" and "value" in item else item


def block_value(block, raw, bulk, context):
    if isinstance(block, ImageBlock):
        if isinstance(raw, dict):
            image_id = raw.get("image")
            alt = "" if raw.get("decorative") else (raw.get("alt_text") or None)
        else:
            image_id, alt = raw, None
        return bulk.image(image_id, alt) if image_id else None
    if isinstance(block, ImageChooserBlock):
        return bulk.image(raw) if raw else None
    if isinstance(block, DocumentChooserBlock):
        return bulk.document(raw) if raw else None
    if isinstance(block, blocks.PageChooserBlock):
        return bulk.page(raw) if raw else None
    if isinstance(block, blocks.RichTextBlock):
        return raw if context.get("rich_text_format") == "db_html" else bulk.rich_text(raw)
    if isinstance(block, blocks.StreamBlock):
        return stream_representation(block, raw, bulk, context)
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return {name: block_value(child, raw.get(name), bulk, context) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, value, bulk, context) for value in _list_items(raw)]
    return block.get_api_representation(block.to_python(raw), context)
