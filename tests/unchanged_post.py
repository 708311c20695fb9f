"""What a browser posts back from a Wagtail edit form whose fields nobody touched.

Built from the form the edit view rendered (its initial values, through each widget), the way the
editor's HTML and JavaScript would post them: rich text as the Draftail state, StreamField blocks
with their ids, inline panels with their management forms, unchecked boxes left out. The
editor never posts Django's hidden `initial-<name>` inputs, so neither does this.
"""

from django import forms
from django.forms.widgets import ChoiceWidget
from wagtail import blocks
from wagtail.blocks.base import BlockWidget


def unchanged_post_data(form):
    data = {}
    _form(data, form)
    return data


def _form(data, form):
    for bound in form:
        _bound_field(data, bound)
    for formset in getattr(form, "formsets", {}).values():
        _formset(data, formset)


def _formset(data, formset):
    management = formset.management_form
    for bound in management:
        data[bound.html_name] = str(bound.value())
    for child in formset.forms:
        _form(data, child)


def _bound_field(data, bound):
    widget = bound.field.widget
    if isinstance(widget, BlockWidget):
        _block(data, widget.block_def, bound.value(), bound.html_name)
    else:
        _widget(data, widget, bound.html_name, bound.value())


def _widget(data, widget, name, value):
    if isinstance(widget, forms.FileInput):
        return
    if isinstance(widget, forms.CheckboxInput):
        if widget.check_test(value):
            data[name] = "on"
        return
    if isinstance(widget, ChoiceWidget):
        selected = widget.format_value(value)
        if widget.allow_multiple_selected:
            data[name] = selected
        else:
            data[name] = selected[0] if selected else ""
        return
    if hasattr(widget, "get_value_data"):  # Wagtail's choosers post the chosen object's id
        value_data = widget.get_value_data(value)
        data[name] = str(value_data["id"]) if value_data else ""
        return
    rendered = widget.get_context(name, value, {})["widget"]["value"]
    data[name] = "" if rendered is None else str(rendered)


def _block(data, block, value, prefix):
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data[f"{prefix}-count"] = str(len(children))
        for index, child in enumerate(children):
            child_prefix = f"{prefix}-{index}"
            data[f"{child_prefix}-type"] = child.block_type
            data[f"{child_prefix}-deleted"] = ""
            data[f"{child_prefix}-order"] = str(index)
            data[f"{child_prefix}-id"] = child.id or ""
            _block(data, child.block, child.value, f"{child_prefix}-value")
    elif isinstance(block, blocks.ListBlock):
        items = list(value.bound_blocks) if value is not None else []
        data[f"{prefix}-count"] = str(len(items))
        for index, item in enumerate(items):
            item_prefix = f"{prefix}-{index}"
            data[f"{item_prefix}-deleted"] = ""
            data[f"{item_prefix}-order"] = str(index)
            data[f"{item_prefix}-id"] = item.id or ""
            _block(data, block.child_block, item.value, f"{item_prefix}-value")
    elif isinstance(block, blocks.StructBlock):
        if hasattr(block, "_image_to_struct_value"):  # ImageBlock: an image with its alt text
            value = block._image_to_struct_value(value) if value is not None else None
        value = value or {}
        for name, child_block in block.child_blocks.items():
            _block(data, child_block, value.get(name), f"{prefix}-{name}")
    else:
        _widget(data, block.field.widget, prefix, block.value_for_form(value))
