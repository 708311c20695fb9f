"""Widgets of the activity editor: repetition in words (writing the RRULE) and exception dates."""

import json

from django import forms
from django.urls import reverse

from events.recurrence_editor import ORDINALS, WEEKDAYS, rule_to_state
from events.recurrence_text import DAY_NAMES, MONTH_NAMES, ORDINAL_NAMES

MEDIA = forms.Media(js=["events/recurrence.js"], css={"all": ["events/recurrence.css"]})


class RecurrenceWidget(forms.TextInput):
    """The RRULE text input (the "avanzado" field) with a plain-Spanish editor that writes it."""

    template_name = "events/widgets/recurrence.html"
    media = MEDIA

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["editor"] = {
            "state_json": json.dumps(rule_to_state(value or "")),
            "preview_url": reverse("events_recurrence_preview"),
            "weekdays": [(code, DAY_NAMES[code]) for code in WEEKDAYS],
            "months": list(enumerate(MONTH_NAMES, start=1)),
            "days": range(1, 32),
            "ordinals": [(number, ORDINAL_NAMES[number]) for number in ORDINALS],
        }
        return context


class ExceptionDatesWidget(forms.Textarea):
    """One ISO date per line, kept in the textarea; a date picker adds and a button removes them."""

    template_name = "events/widgets/exception_dates.html"
    media = MEDIA
