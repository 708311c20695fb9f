"""The publishing app's tunables, each overridable with a PUBLISHING_<NAME> setting."""

from django.conf import settings

DEFAULTS = {
    # Seconds a draft-preview token stays valid after the editor pressed "Preview".
    "PREVIEW_MAX_AGE": 600,
    # Webhook delivery: per-request timeout, retry budget and back-off.
    "WEBHOOK_TIMEOUT": 5,
    "WEBHOOK_MAX_ATTEMPTS": 10,
    "WEBHOOK_BACKOFF_SECONDS": 30,
    "WEBHOOK_BACKOFF_MAX_SECONDS": 6 * 3600,
    # A claimed delivery whose worker has not reported back after this long is retried.
    "WEBHOOK_LEASE_SECONDS": 60,
    # At most this many attempts per call of deliver_due(), so one tick stays short.
    "WEBHOOK_BATCH": 50,
}


def conf(name):
    return getattr(settings, f"PUBLISHING_{name}", DEFAULTS[name])
