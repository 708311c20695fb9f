from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from publishing.models import WebhookEvent


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("eventos"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Qué cambios se notifican a esta dirección."),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Motivo público del retiro"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Se mostrará al público en lugar del contenido retirado."),
        error_messages={"required": _("Escriba el motivo público del retiro.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Escriba el motivo público del retiro."))
        return reason
