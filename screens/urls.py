from django.urls import path

from screens.views import display, service_worker

urlpatterns = [
    path("sw.js", service_worker, name="screens_service_worker"),
    path("<slug:slug>/", display, name="screens_display"),
]
