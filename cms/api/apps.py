from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicAPIConfig(AppConfig):
    name = "cms.api"
    label = "cms_api"
    verbose_name = _("API pública")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from cms.api import signals

        signals.connect()
        # Each app's `api.py` registers its page types' filters and its OpenAPI paths.
        autodiscover_modules("api")
