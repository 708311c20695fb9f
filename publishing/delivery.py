"""Deliver outbox events as signed webhooks; called by the worker on every tick.

A delivery is claimed with a lease before any HTTP is sent. On PostgreSQL the candidate
row is locked with SELECT ... FOR UPDATE SKIP LOCKED; on every database the claim itself
is a conditional UPDATE, so two workers can never send the same attempt. A worker that
dies mid-way leaves a claim whose lease expires: the row is then claimed again as a new
attempt (X-Cusco-Delivery-Attempt > 1, same X-Cusco-Event-Id), so nothing is lost and the
receiver can tell a retry from a new event.
"""

import hashlib
import hmac
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

import requests
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from publishing.conf import conf
from publishing.models import Delivery, DeliveryAttempt

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Cusco-Signature"
EVENT_ID_HEADER = "X-Cusco-Event-Id"
ATTEMPT_HEADER = "X-Cusco-Delivery-Attempt"
ABANDONED = "El trabajador se detuvo antes de registrar el resultado; se reintenta."
LATE = "(resultado tardío: el intento ya se había dado por perdido y se reintentó)"


def sign(secret, body):
    """The value of X-Cusco-Signature: sha256=<hex HMAC-SHA256 of the raw body>."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def backoff(attempt):
    """Seconds to wait after failed attempt number `attempt` (1, 2, 3…): doubling, capped."""
    base = conf("WEBHOOK_BACKOFF_SECONDS")
    return min(base * 2 ** (attempt - 1), conf("WEBHOOK_BACKOFF_MAX_SECONDS"))


@dataclass(frozen=True)
class Claim:
    delivery_id: int
    token: uuid.UUID
    attempt: int
    max_attempts: int
    log_id: int
    event_id: str
    url: str
    secret: str
    body: bytes


def _due(now):
    return Q(status=Delivery.Status.PENDING, next_attempt_at__lte=now) | Q(
        status=Delivery.Status.SENDING, lease_until__lte=now
    )


def _take(row, now):
    """Claim `row` if it is still as we read it; returns a Claim or None (someone else got it)."""
    attempt = row.attempts + 1
    abandoned = row.status == Delivery.Status.SENDING
    unchanged = Delivery.objects.filter(_due(now), pk=row.pk, attempts=row.attempts, status=row.status)
    if abandoned and row.attempts >= row.max_attempts:
        # Its last allowed attempt was lost with its worker: give up (the admin can "reenviar").
        if unchanged.update(status=Delivery.Status.FAILED, lease_until=None, claim_token=None, last_error=ABANDONED):
            _close_abandoned(row, now)
        return None
    token = uuid.uuid4()
    lease = now + timedelta(seconds=conf("WEBHOOK_LEASE_SECONDS"))
    if unchanged.update(status=Delivery.Status.SENDING, attempts=attempt, claim_token=token, lease_until=lease) != 1:
        return None
    if abandoned:
        _close_abandoned(row, now)
    log = DeliveryAttempt.objects.create(delivery_id=row.pk, number=attempt, started_at=now)
    return Claim(
        delivery_id=row.pk,
        token=token,
        attempt=attempt,
        max_attempts=row.max_attempts,
        log_id=log.pk,
        event_id=str(row.event_id),
        url=row.endpoint.url,
        secret=row.endpoint.secret,
        body=row.event.body.encode(),
    )


def _close_abandoned(row, now):
    DeliveryAttempt.objects.filter(delivery_id=row.pk, number=row.attempts, finished_at__isnull=True).update(
        finished_at=now, error=ABANDONED
    )


def claim_next():
    """Claim the most overdue delivery, or return None when nothing is due."""
    now = timezone.now()
    candidates = (
        Delivery.objects.filter(_due(now)).select_related("event", "endpoint").order_by("next_attempt_at", "pk")
    )
    row_locks = connection.features.has_select_for_update_skip_locked
    # A row given up for good in _take, or won by another worker, sends us round again.
    for _round in range(10):
        if row_locks:
            with transaction.atomic():
                row = candidates.select_for_update(skip_locked=True, of=("self",)).first()
                if row is None:
                    return None
                claim = _take(row, now)
        else:
            # SQLite: read outside the transaction, so the transaction starts with the write
            # (no shared-to-write lock upgrade); the conditional UPDATE decides who wins.
            row = candidates.first()
            if row is None:
                return None
            with transaction.atomic():
                claim = _take(row, now)
        if claim:
            return claim
    return None


def send(claim, session=None):
    """POST the event; returns (status code or None, error text)."""
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "CuscoCMS-Webhooks/1.0",
        SIGNATURE_HEADER: sign(claim.secret, claim.body),
        EVENT_ID_HEADER: claim.event_id,
        ATTEMPT_HEADER: str(claim.attempt),
    }
    timeout = conf("WEBHOOK_TIMEOUT")
    try:
        response = (session or requests).post(
            claim.url, data=claim.body, headers=headers, timeout=timeout, allow_redirects=False, stream=True
        )
        response.close()
    except requests.RequestException as exc:
        return None, f"{type(exc).__name__}: {exc}"[:2000]
    if 200 <= response.status_code < 300:
        return response.status_code, ""
    return response.status_code, f"HTTP {response.status_code}"


def finish(claim, status_code, error, duration_ms=None):
    """Log the attempt and move the delivery on: delivered, retry later, or failed for good.

    Returns False when the claim had already been given up (lease expired, row re-claimed):
    then only the log learns the late result; the row is the new holder's to move.
    """
    now = timezone.now()
    done = {"lease_until": None, "claim_token": None, "last_status_code": status_code, "last_error": error}
    if not error:
        done.update(status=Delivery.Status.DELIVERED, delivered_at=now)
    elif claim.attempt >= claim.max_attempts:
        done.update(status=Delivery.Status.FAILED)
    else:
        done.update(status=Delivery.Status.PENDING, next_attempt_at=now + timedelta(seconds=backoff(claim.attempt)))
    with transaction.atomic():
        owned = Delivery.objects.filter(pk=claim.delivery_id, claim_token=claim.token).update(**done) == 1
        DeliveryAttempt.objects.filter(pk=claim.log_id).update(
            finished_at=now,
            status_code=status_code,
            error=error if owned else f"{error} {LATE}".strip(),
            duration_ms=duration_ms,
        )
    return owned


def deliver_due(limit=None):
    """Send every due delivery (at most `limit`); returns how many attempts were made."""
    limit = limit or conf("WEBHOOK_BATCH")
    made = 0
    with requests.Session() as session:
        while made < limit:
            claim = claim_next()
            if claim is None:
                break
            started = time.monotonic()
            status_code, error = send(claim, session)
            finish(claim, status_code, error, int((time.monotonic() - started) * 1000))
            made += 1
            if error:
                logger.warning(
                    "Webhook %s attempt %s to %s failed: %s", claim.event_id, claim.attempt, claim.url, error
                )
    return made


def requeue(delivery_ids):
    """The admin's "reenviar": send again now (as a retry) with a fresh retry budget."""
    now = timezone.now()
    busy = Q(status=Delivery.Status.SENDING, lease_until__gt=now)
    return (
        Delivery.objects.filter(pk__in=delivery_ids)
        .exclude(busy)
        .update(
            status=Delivery.Status.PENDING,
            next_attempt_at=now,
            max_attempts=F("attempts") + conf("WEBHOOK_MAX_ATTEMPTS"),
            lease_until=None,
            claim_token=None,
        )
    )
