"""Wagtail's bulk-action footer without "Publicar" for those who may not publish directly."""

from django import template
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices

from moderation.rules import may_publish_directly

register = template.Library()


def _publishes(button):
    return "/publish/" in (getattr(button, "url", "") or "")


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def moderated_bulk_action_choices(context, app_label, model_name):
    result = bulk_action_choices(context, app_label, model_name)
    request = context.get("request")
    if request is not None and may_publish_directly(request.user):
        return result
    buttons = []
    for button in result["buttons"]:
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [b for b in button.dropdown_buttons if not _publishes(b)]
        if not _publishes(button):
            buttons.append(button)
    return {**result, "buttons": buttons}
