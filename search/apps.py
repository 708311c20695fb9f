from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Spanish-aware search: text search configuration, PDF text, engine fallback."""

    name = "search"
    verbose_name = _("Búsqueda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
