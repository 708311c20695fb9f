"""Admin form rules that need more than one field, including the chosen screens (many-to-many)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class AlertForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        targeted = (
            cleaned_data.get("all_screens") or cleaned_data.get("screens") or cleaned_data.get("show_on_website")
        )
        if not targeted:
            self.add_error(
                "screens",
                _("Elija al menos una pantalla, marque «en todas las pantallas» o «mostrar en el sitio web»."),
            )
        return cleaned_data
