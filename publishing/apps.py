from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publicación e integraciones")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from publishing import signal_handlers

        signal_handlers.register()
