"""The activity editor's form: overrides must point at a real occurrence of the rule."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from events.recurrence import Series, local_naive

SERIES_FIELDS = ("start", "end", "all_day", "recurrence", "exception_dates")


class CivicEventPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if any(name in self.errors for name in SERIES_FIELDS):
            return cleaned_data
        if not (cleaned_data.get("start") and cleaned_data.get("end")):
            return cleaned_data
        series = Series(**{name: cleaned_data.get(name) for name in SERIES_FIELDS})
        if series.is_recurring and series.rule.after(series.start, inc=True) != series.start:
            # RFC 5545 leaves a DTSTART outside its own rule undefined: calendars would disagree.
            self.add_error("start", _("El inicio debe ser una de las fechas de la regla de repetición."))
            return cleaned_data
        formset = self.formsets.get("occurrence_overrides")
        if formset is None or not formset.is_valid():
            return cleaned_data
        seen = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("original_start"):
                continue
            day = local_naive(data["original_start"]).date()
            if day in seen:
                form.add_error("original_start", _("Ya hay otro cambio para esta fecha."))
            elif not series.is_original(day):
                form.add_error(
                    "original_start",
                    _("La actividad no tiene una fecha el %(day)s según su inicio, repetición y excepciones.")
                    % {"day": day.strftime("%d/%m/%Y")},
                )
            seen.add(day)
        return cleaned_data
