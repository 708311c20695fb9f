"""The admin's activity listings put upcoming activities first, then finished ones (newest first)."""

from django.db.models import Case, DateTimeField, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from cms.terms import annotate_gestion
from events.models import CivicEventPage

UPCOMING = "upcoming"


def upcoming_first(queryset, prefix=""):
    """Not-yet-finished activities by start (running series first), then finished ones, newest first.

    ``prefix`` reaches the activity's fields from a plain Page queryset (``"civiceventpage__"``).
    """
    now = timezone.now()
    start, finished = F(f"{prefix}start"), Q(**{f"{prefix}series_end__lt": now})
    # Plain expressions, no named annotations: the queryset may still be combined or filtered.
    return queryset.order_by(
        Case(When(finished, then=Value(1)), default=Value(0), output_field=IntegerField()),
        Case(
            When(finished, then=Value(None)),
            When(Q(**{f"{prefix}start__lt": now}), then=Value(now)),
            default=start,
            output_field=DateTimeField(),
        ).asc(nulls_last=True),
        start.desc(),
    )


def next_date(page):
    """The next occurrence's date for the listing ("—" once the activity is over)."""
    upcoming = page.series().upcoming(timezone.now(), 1)
    if not upcoming:
        return "—"
    occurrence = upcoming[0]
    moment = timezone.localtime(occurrence.start)
    return moment.strftime("%d/%m/%Y") if occurrence.all_day else moment.strftime("%d/%m/%Y %H:%M")


class UpcomingEventsIndexView(PageListingViewSet.index_view_class):
    default_ordering = UPCOMING

    def get_base_queryset(self):
        return annotate_gestion(super().get_base_queryset().prefetch_related("occurrence_overrides"))

    def order_queryset(self, queryset):
        if self.ordering == UPCOMING:
            return upcoming_first(queryset)
        return super().order_queryset(queryset)


class CivicEventListingViewSet(PageListingViewSet):
    model = CivicEventPage
    icon = "date"
    menu_label = _("Actividades")
    menu_order = 205
    add_to_admin_menu = True
    index_view_class = UpcomingEventsIndexView
    columns = [
        *PageListingViewSet.columns[:2],
        Column("next_date", label=_("Próxima fecha"), accessor=next_date, width="16%"),
        Column("event_type", label=_("Tipo"), accessor="get_event_type_display", sort_key="event_type", width="14%"),
        Column("place", label=_("Lugar"), sort_key="place", width="18%"),
        Column("gestion_name", label=_("Gestión"), width="12%"),
        *PageListingViewSet.columns[-1:],
    ]
