"""Which activities the public outputs may show."""

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import PageLogEntry

from cms.api.public import of_language, public_pages
from events.models import CivicEventPage


def public_events():
    """Public activities (cms.api.public: live, not past expire_at, no view restriction)."""
    return public_pages(CivicEventPage)


def filter_events(events, *, locale=None, event_type=None):
    if event_type:
        events = events.filter(event_type=event_type)
    if locale:
        events = in_language(events, locale)
    return events


def in_language(events, language):
    """The activities in ``language``; for a language other than Spanish, also the Spanish ones
    that have no public translation in it (the Spanish fallback: each item says its ``language``)."""
    default = settings.LANGUAGE_CODE
    if language == default:
        return events.filter(of_language(default))
    translated = events.filter(of_language(language)).values("translation_key")
    return events.filter(of_language(language) | (of_language(default) & ~Q(translation_key__in=translated)))


def with_language(events):
    """Annotate each activity's ``language`` (its locale's code) without a query per row."""
    return events.annotate(language=F("locale__language_code"))


def overlapping(events, range_start, range_end):
    """Activities whose occurrences may touch [range_start, range_end): a pre-filter on the stored span."""
    return events.filter(
        Q(series_start__isnull=True) | Q(series_start__lt=range_end),
        Q(series_end__isnull=True) | Q(series_end__gt=range_start),
    )


def with_publish_count(events):
    """Annotate how many times each activity was published (iCalendar SEQUENCE grows with it)."""
    publishes = (
        PageLogEntry.objects.filter(page=OuterRef("pk"), action="wagtail.publish")
        .order_by()
        .values("page")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return events.annotate(publish_count=Coalesce(Subquery(publishes), Value(0)))
