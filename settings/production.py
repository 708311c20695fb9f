"""Production: refuses to start unless it is configured securely."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


def _require(name, value):
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment for production.")
    return value


if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=False.")
SECRET_KEY = _require("SECRET_KEY", SECRET_KEY)  # noqa: F405
if len(SECRET_KEY) < 32 or SECRET_KEY.startswith("dev-"):
    raise ImproperlyConfigured("SECRET_KEY is too short or is a development key.")
ALLOWED_HOSTS = _require("ALLOWED_HOSTS", ALLOWED_HOSTS)  # noqa: F405
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the real host names, not '*'.")

# Password-reset links and moderation emails must reach people, not the server log.
_email_url = env("EMAIL_URL", default="")
if not _email_url.startswith(("smtp://", "smtps://", "smtp+tls://", "smtp+ssl://")):
    raise ImproperlyConfigured(
        "EMAIL_URL must name a real SMTP server in production (smtp://user:password@host:587 or smtps://…); "
        "console, file and memory backends would write password-reset links to the server log."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
