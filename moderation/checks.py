"""System checks for the settings the four-eyes rule depends on."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def reapproval_on_edit(app_configs, **kwargs):
    """An approval must cover exactly the revision that gets published."""
    if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        return []
    return [
        Error(
            "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT must be True.",
            hint="Without it an edit made during review is published on approval without being reviewed.",
            id="moderation.E001",
        )
    ]
