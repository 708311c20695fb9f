"""Admin: a flat "Actividades" listing and the calendar section's explorer, upcoming first."""

from django.urls import path
from wagtail import hooks

from events.admin_listing import CivicEventListingViewSet, upcoming_first
from events.models import EventIndexPage
from events.recurrence_preview import recurrence_preview


@hooks.register("register_admin_viewset")
def register_event_listing():
    return CivicEventListingViewSet("actividades")


@hooks.register("construct_explorer_page_queryset")
def upcoming_events_first(parent_page, pages, request):
    """Children of the civic calendar in the explorer: upcoming first, unless the editor sorts or searches.

    The sidebar's explorer menu (admin API, ``for_explorer``) keeps Wagtail's own order.
    """
    if not isinstance(parent_page.specific_deferred, EventIndexPage):
        return pages
    if any(request.GET.get(name) for name in ("ordering", "q", "for_explorer")):
        return pages
    return upcoming_first(pages, prefix="civiceventpage__")


@hooks.register("register_admin_urls")
def register_recurrence_preview():
    """The recurrence editor's next dates (admin login required, as every admin URL)."""
    return [path("actividades/repeticion/", recurrence_preview, name="events_recurrence_preview")]
