"""Login-free addresses for journalists and the office's calendar clients (not under /api/)."""

from django.urls import path

from media_relations import calendar, views

urlpatterns = [
    path("baja/<str:token>/", views.unsubscribe, name="press_unsubscribe"),
    path("embargo/<str:token>/", views.embargo, name="press_embargo"),
    path("entrevistas/<str:token>/calendario.ics", calendar.office_calendar, name="press_office_calendar"),
]
