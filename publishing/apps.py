from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publicación e integraciones")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.api.resolve import register_gone_handler
        from publishing import signal_handlers
        from publishing.withdrawals import gone_response_for

        signal_handlers.register()
        register_gone_handler(gone_response_for)
