"""The office's internal calendar of scheduled interviews (ICS), behind a per-user signed URL.

Calendar clients cannot log in, so each office user gets their own address (shown in the
admin); it stops working when the user is deactivated or loses the permission. Never part
of the public calendar or API.
"""

from datetime import timedelta

from django.http import HttpResponse, HttpResponseNotFound
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from media_relations.links import user_from_calendar_token
from media_relations.models import InterviewRequest

PERMISSION = "media_relations.view_interviewrequest"
DURATION = timedelta(hours=1)


def scheduled_interviews():
    return (
        InterviewRequest.objects.filter(
            status__in=[InterviewRequest.Status.SCHEDULED, InterviewRequest.Status.DONE], agreed_at__isnull=False
        )
        .select_related("person")
        .order_by("agreed_at")
    )


def build_ics(interviews):
    calendar = Calendar()
    calendar.add("prodid", "-//Municipalidad Provincial del Cusco//Entrevistas de prensa//ES")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Entrevistas de prensa (uso interno)")
    calendar.add("x-wr-timezone", "America/Lima")
    for interview in interviews:
        event = Event()
        event.add("uid", f"entrevista-{interview.pk}@cusco.gob.pe")
        event.add("summary", f"Entrevista: {interview.person.name} — {interview.outlet}")
        event.add("dtstart", interview.agreed_at)
        event.add("dtend", interview.agreed_at + DURATION)
        event.add("dtstamp", interview.updated_at)
        event.add("location", interview.agreed_place)
        event.add(
            "description",
            f"{interview.reference}\nPeriodista: {interview.journalist}\n"
            f"Modalidad: {interview.get_channel_display()}\nTema: {interview.topic}",
        )
        event.add("status", "CONFIRMED")
        event.add("class", "CONFIDENTIAL")
        calendar.add_component(event)
    return calendar.to_ical()


@never_cache
@require_GET
def office_calendar(request, token):
    user = user_from_calendar_token(token)
    if user is None or not user.has_perm(PERMISSION):
        return HttpResponseNotFound("Calendario no disponible.", content_type="text/plain; charset=utf-8")
    response = HttpResponse(build_ics(scheduled_interviews()), content_type="text/calendar; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    return response
