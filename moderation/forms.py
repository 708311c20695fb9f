"""Editing forms count as changed only when the editor changed something.

Django gives a form field `show_hidden_initial=True` when its model field has a callable default
(`NewsPage.date`, `Alert.starts_at`: `timezone.now`) and then compares the posted value against a
hidden `initial-<name>` input. Wagtail's editor never renders that input, so such a form always
counted as changed: a Director approving a submitted revision from the editor, changing nothing,
saved a new revision of their own and restarted the review. Without the hidden initial, Django
compares against the instance's value, which is what the editor shows.
"""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override, registry

DATE_FIELD_CLASSES = (models.DateTimeField, models.DateField, models.TimeField)


def compare_with_the_instance():
    """Adds `show_hidden_initial=False` to Wagtail's form field overrides of date and time fields."""
    for field_class in DATE_FIELD_CLASSES:
        current = registry.values_by_class.get(field_class, {})
        register_form_field_override(field_class, override={**current, "show_hidden_initial": False})
