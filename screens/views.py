"""`/screens/<slug>/`: the display page a lobby screen opens, and its offline service worker."""

from django.middleware.http import ConditionalGetMiddleware
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.decorators import decorator_from_middleware

from screens.models import Screen

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)


@conditional_get
def display(request, slug):
    screen = get_object_or_404(Screen, slug=slug)
    context = {
        "screen": screen,
        "feed_url": reverse("screens_feed", args=[screen.slug]),
        "service_worker_url": reverse("screens_service_worker"),
    }
    response = render(request, "screens/display.html", context)
    response["Cache-Control"] = "no-cache"
    return response


@conditional_get
def service_worker(request):
    """Served from /screens/ so that its scope covers every display page."""
    response = render(request, "screens/sw.js", content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
