"""Play days as weekday checkboxes, stored as before: ISO weekday digits ("12345" = Monday to Friday)."""

from django import forms
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    ("1", _("lunes")),
    ("2", _("martes")),
    ("3", _("miércoles")),
    ("4", _("jueves")),
    ("5", _("viernes")),
    ("6", _("sábado")),
    ("7", _("domingo")),
]


class WeekdayDigitsWidget(forms.CheckboxSelectMultiple):
    def __init__(self, attrs=None):
        super().__init__(attrs, choices=WEEKDAYS)

    def format_value(self, value):
        return list(value or "") if isinstance(value, str) else super().format_value(value)

    def value_from_datadict(self, data, files, name):
        checked = super().value_from_datadict(data, files, name) or []
        # One value per checked box, or the stored digit string posted as one value (older clients).
        return "".join(sorted({digit for value in checked for digit in value if digit in "1234567"}))

    def value_omitted_from_data(self, data, files, name):
        return False  # no box checked means "no day", not "field left out"
