"""Validation of the website's interview requests (a plain form over the JSON body)."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from cms.models import Person
from media_relations.models import InterviewRequest

TEXT_FIELDS = ("outlet", "journalist", "email", "phone", "topic", "channel")
MAX_DATES = 5


class JSONValueField(forms.Field):
    """Any JSON value; only a missing one (null) counts as empty, so [] reaches its own check."""

    empty_values = [None]


class InterviewRequestSubmission(forms.Form):
    outlet = forms.CharField(max_length=255)
    journalist = forms.CharField(max_length=255)
    email = forms.EmailField(max_length=254)
    phone = forms.CharField(max_length=50, required=False)
    person = forms.ModelChoiceField(queryset=Person.objects.all(), to_field_name="pk")
    topic = forms.CharField(max_length=2000)
    proposed_dates = JSONValueField()
    channel = forms.ChoiceField(choices=InterviewRequest.Channel.choices)

    error_messages = {
        "required": "Este campo es obligatorio.",
        "invalid_choice": "Valor no permitido.",
    }

    def __init__(self, data):
        self.unknown = sorted(set(data) - set(self.base_fields))
        self.wrong_types = {
            name: "Debe ser texto." for name in TEXT_FIELDS if name in data and not isinstance(data[name], str)
        }
        if "person" in data and (isinstance(data["person"], bool) or not isinstance(data["person"], int)):
            self.wrong_types["person"] = "Debe ser el número (id) de una autoridad o funcionario."
        super().__init__({key: value for key, value in data.items() if key not in self.wrong_types})
        self.fields["person"].error_messages["invalid_choice"] = "No existe esa autoridad o funcionario."
        self.fields["channel"].error_messages["invalid_choice"] = "Use una de: " + ", ".join(
            InterviewRequest.Channel.values
        )

    def clean_proposed_dates(self):
        value = self.cleaned_data.get("proposed_dates")
        if not isinstance(value, list) or not value or len(value) > MAX_DATES:
            raise forms.ValidationError(f"Debe ser una lista de 1 a {MAX_DATES} fechas y horas ISO 8601.")
        dates = []
        for item in value:
            try:
                parsed = parse_datetime(item) if isinstance(item, str) else None
            except ValueError:  # well formed but impossible, e.g. 12:99
                parsed = None
            if parsed is None:
                raise forms.ValidationError(f"Fecha y hora ISO 8601 no válida: {item!r}.")
            if timezone.is_naive(parsed):
                parsed = timezone.make_aware(parsed)
            if parsed < timezone.now():
                raise forms.ValidationError(f"La fecha {item} ya pasó.")
            if parsed > timezone.now() + dt.timedelta(days=366):
                raise forms.ValidationError(f"La fecha {item} está a más de un año.")
            dates.append(parsed)
        return dates

    def json_errors(self):
        errors = {name: [str(message) for message in messages] for name, messages in self.errors.items()}
        for name, message in self.wrong_types.items():
            errors[name] = [message]
        for name in self.unknown:
            errors[name] = ["Campo desconocido."]
        return errors

    def is_valid(self):
        valid = super().is_valid()
        return valid and not self.wrong_types and not self.unknown

    def save(self):
        data = self.cleaned_data
        lines = "\n".join(timezone.localtime(date).strftime("%Y-%m-%d %H:%M") for date in data["proposed_dates"])
        return InterviewRequest.objects.create(
            outlet=data["outlet"].strip(),
            journalist=data["journalist"].strip(),
            email=data["email"],
            phone=data["phone"].strip(),
            person=data["person"],
            topic=data["topic"].strip(),
            proposed_dates=lines,
            channel=data["channel"],
            source=InterviewRequest.Source.WEBSITE,
        )
