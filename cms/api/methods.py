"""Every public URL is read-only: any other method gets a JSON 405 with ``Allow``.

Runs before CSRF (which would answer an HTML 403) and before any view, so calendar, ICS,
schema, docs, preview, feeds, health and screens answer alike. A view that is a public
write (DESIGN §6: ``POST /api/v2/interview-requests/``) declares it with ``public_write``.
"""

from django.http import HttpResponse, JsonResponse
from django.urls import Resolver404, resolve

PUBLIC_PREFIXES = ("/api/", "/feeds/", "/screens/", "/healthz", "/readyz", "/documents/")
# Under a public prefix but a form of Wagtail's (password-protected documents): not ours.
NOT_PUBLIC = ("/documents/authenticate_with_password/",)
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def public_write(*methods):
    """Mark a view as accepting these write methods from anyone (it validates and throttles itself)."""

    def decorator(view):
        view.public_write_methods = tuple(method.upper() for method in methods)
        return view

    return decorator


def is_public(path):
    return path.startswith(PUBLIC_PREFIXES) and not path.startswith(NOT_PUBLIC)


def write_methods(path):
    """The write methods the view at ``path`` declares with ``public_write`` (none by default)."""
    try:
        view = resolve(path).func
    except Resolver404:
        return ()
    for holder in (view, getattr(view, "cls", None), getattr(view, "view_class", None)):
        methods = getattr(holder, "public_write_methods", None)
        if methods:
            return methods
    return ()


class PublicMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") or not is_public(request.path_info):
            return self.get_response(request)
        writes = write_methods(request.path_info)
        allow = ", ".join((*writes, "OPTIONS") if writes else READ_METHODS)
        if request.method in writes:
            return self.get_response(request)
        if request.method == "OPTIONS":
            # CORS preflights were answered by corsheaders before this; a plain OPTIONS says what is allowed.
            response = HttpResponse(status=200)
            response["Allow"] = allow
            return response
        response = JsonResponse(
            {"message": f"method {request.method} is not allowed here; allowed: {allow}"}, status=405
        )
        response["Allow"] = allow
        return response
