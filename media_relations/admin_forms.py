"""The interview request's admin form: only the Director schedules an interview with the Mayor."""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm

from cms.models import Person
from media_relations.models import InterviewRequest

SCHEDULE_MAYOR = "media_relations.schedule_mayor_interview"


class InterviewRequestForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        status = cleaned.get("status")
        becomes_scheduled = status == InterviewRequest.Status.SCHEDULED and (
            self.instance.pk is None
            or self.instance.status != InterviewRequest.Status.SCHEDULED
            or self.instance.person_id != getattr(person, "pk", None)
            or self.instance.agreed_at != cleaned.get("agreed_at")
        )
        if (
            becomes_scheduled
            and person is not None
            and person.role == Person.Role.ALCALDE
            and not (self.for_user and self.for_user.has_perm(SCHEDULE_MAYOR))
        ):
            raise ValidationError({"status": _("Solo el Director confirma (programa) una entrevista con el Alcalde.")})
        return cleaned


def month_choices():
    months = (
        InterviewRequest.objects.annotate(month=TruncMonth("created_at"))
        .values_list("month", flat=True)
        .distinct()
        .order_by("-month")
    )
    return [(f"{m:%Y-%m}", f"{m:%m/%Y}") for m in months if m]


class InterviewRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Estado"), choices=InterviewRequest.Status.choices)
    person = django_filters.ModelChoiceFilter(label=_("Persona solicitada"), queryset=Person.objects.all())
    month = django_filters.ChoiceFilter(label=_("Mes de recepción"), choices=month_choices, method="filter_month")

    class Meta:
        model = InterviewRequest
        fields = ["status", "person"]

    def filter_month(self, queryset, name, value):
        try:
            year, month = (int(part) for part in value.split("-"))
            start = timezone.make_aware(timezone.datetime(year, month, 1))
        except ValueError:
            return queryset.none()
        end = timezone.make_aware(timezone.datetime(year + month // 12, month % 12 + 1, 1))
        return queryset.filter(created_at__gte=start, created_at__lt=end)
