from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The civic calendar.

    The package is ``civic_events`` because a top-level ``events`` package would shadow
    PyPI's ``Events``, which opensearch-py imports; the app label stays ``events`` so model
    names (``events.CivicEventPage``) are unchanged.
    """

    name = "civic_events"
    label = "events"
    verbose_name = _("Calendario cívico")
    default_auto_field = "django.db.models.BigAutoField"
