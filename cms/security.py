"""HTTP hardening shared by every environment: Permissions-Policy, and lockout on the
page and collection password forms (django-axes, the same lockout as the admin login).

Wagtail's password forms (/_util/authenticate_with_password/… for pages,
/documents/authenticate_with_password/… for private collections) do not go through
Django's ``authenticate``, so axes does not see them by itself. This middleware asks axes
whether the client may still try (its lockout counts "username" = the restriction), and
reports a wrong password to axes through Django's ``user_login_failed`` signal.
"""

from django.contrib.auth.signals import user_login_failed
from django.http import JsonResponse

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
    )
)
PASSWORD_FORM_URL_NAMES = {"wagtailcore_authenticate_with_password", "wagtaildocs_authenticate_with_password"}


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class PasswordFormLockoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name not in PASSWORD_FORM_URL_NAMES:
            return None
        from axes.handlers.proxy import AxesProxyHandler

        restriction = view_kwargs.get("page_view_restriction_id") or view_kwargs.get("restriction_id")
        credentials = {"username": f"{match.url_name}:{restriction}"}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return locked_out()
        response = view_func(request, *view_args, **view_kwargs)
        if response.status_code == 200:  # the form again: wrong password (a right one redirects)
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return response


def locked_out(request=None, credentials=None, *args, **kwargs):
    """What a locked-out client gets (AXES_LOCKOUT_CALLABLE too): 429 with Retry-After."""
    from django.conf import settings

    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds()) if settings.AXES_COOLOFF_TIME else 3600
    response = JsonResponse(
        {"message": "Demasiados intentos fallidos. Espere antes de volver a intentarlo."}, status=429
    )
    response["Retry-After"] = str(seconds)
    return response
