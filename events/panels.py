"""A read-only editor panel listing the next occurrences of the activity as last saved."""

from django.utils import timezone
from wagtail.admin.panels import Panel

from events.choices import EventStatus


class NextOccurrencesPanel(Panel):
    def __init__(self, count=5, **kwargs):
        super().__init__(**kwargs)
        self.count = count

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["count"] = self.count
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/panels/next_occurrences.html"

        def saved_occurrences(self):
            """Computed from the latest saved revision, not from a form being edited."""
            if not self.instance.pk:
                return None
            saved = self.instance.get_latest_revision_as_object()
            if not (saved.start and saved.end):
                return None
            labels = dict(EventStatus.choices)
            return [
                {"occurrence": o, "status_label": labels.get(o.status, o.status)}
                for o in saved.series().upcoming(timezone.now(), self.panel.count)
            ]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["occurrences"] = self.saved_occurrences()
            return context
