from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderación")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from moderation import checks  # noqa: F401  (registers the system checks)
        from moderation.forms import compare_with_the_instance
        from moderation.notifications import connect_notifiers

        connect_notifiers()
        compare_with_the_instance()
