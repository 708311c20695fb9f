"""Drive the Wagtail page editor over HTTP the way an editor's browser does."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

__all__ = ["create_page", "inline_formset", "rich_text", "streamfield"]


def create_page(client, parent, model, data, action="action-submit"):
    """POST the add-page form; returns the response. ``action`` picks the button pressed."""
    form = nested_form_data({"comments": inline_formset([]), **data})
    form[action] = "1"
    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.id))
    return client.post(url, form)
