from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The civic calendar: activity pages, stored occurrences, calendar API and ICS."""

    name = "events"
    label = "events"
    verbose_name = _("Calendario cívico")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from events import signal_handlers

        signal_handlers.register()
