"""Send press notes to the distribution list; the worker runs this, publishing never waits on it.

A release's deliveries are written in the publishing transaction (one per accredited,
interested contact; a unique constraint keeps it to one). The task enqueued on commit and
the worker's job then send what is due. Each send is claimed by a conditional UPDATE, so
two workers never send the same attempt; a failure is logged with the SMTP server's answer
and retried with doubling back-off until the attempts run out.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from cms.api.public import public_pages
from cms.models import Institution, MediaOutlet
from media_relations.mail import build_message, note_content
from media_relations.models import DeliveryAttempt, PressDelivery, PressRelease

logger = logging.getLogger(__name__)

NOT_PUBLIC = "La nota ya no es pública: no se envía."
CONTACT_GONE = "El contacto ya no está acreditado, se dio de baja o no tiene correo."
ABANDONED = "El trabajador se detuvo antes de registrar el resultado; se reintenta."


def conf(name):
    defaults = {
        "PRESS_MAIL_MAX_ATTEMPTS": 5,
        "PRESS_MAIL_BACKOFF_SECONDS": 60,
        "PRESS_MAIL_BACKOFF_MAX_SECONDS": 3600,
        "PRESS_MAIL_LEASE_SECONDS": 300,
        "PRESS_MAIL_TIMEOUT": 20,
        "PRESS_MAIL_BATCH": 200,
    }
    return getattr(settings, name, defaults[name])


def backoff(attempt):
    base = conf("PRESS_MAIL_BACKOFF_SECONDS")
    return min(base * 2 ** (attempt - 1), conf("PRESS_MAIL_BACKOFF_MAX_SECONDS"))


def recipients(category_ids):
    """Accredited contacts with an email who want one of these categories and did not unsubscribe."""
    found = []
    for model in (MediaOutlet, Institution):
        found += list(
            model.objects.filter(accredited=True, unsubscribed_at__isnull=True, categories__in=category_ids)
            .exclude(email="")
            .distinct()
        )
    return found


def still_wanted(contact):
    return contact is not None and contact.accredited and contact.unsubscribed_at is None and contact.email


def create_release(page, revision):
    """On a press note's publication: a release for the contacts who have not had this note yet.

    The first publication goes to every accredited, interested contact; a later one (an edit, a
    category added, a contact newly accredited) only to those who never got this note, so nobody
    receives the same note twice. No SMTP here: this runs inside the publishing transaction.
    """
    types = ContentType.objects.get_for_models(MediaOutlet, Institution)
    already = set(PressDelivery.objects.filter(release__page=page).values_list("contact_type_id", "contact_id"))
    category_ids = [category.pk for category in page.categories.all()]
    new = [c for c in recipients(category_ids) if (types[type(c)].pk, c.pk) not in already]
    if not new or PressRelease.objects.filter(revision=revision).exists():
        return None
    release = PressRelease.objects.create(page=page, revision=revision)
    now = timezone.now()
    PressDelivery.objects.bulk_create(
        [
            PressDelivery(
                release=release,
                contact_type=types[type(contact)],
                contact_id=contact.pk,
                email=contact.email,
                contact_name=contact.name,
                max_attempts=conf("PRESS_MAIL_MAX_ATTEMPTS"),
                next_attempt_at=now,
                created_at=now,
            )
            for contact in new
        ],
        ignore_conflicts=True,
    )
    transaction.on_commit(lambda: send_release.enqueue(release.pk))
    return release


@task()
def send_release(release_id):
    """The background job enqueued when a press note is published."""
    return deliver_due(release_id=release_id)


def _due(now):
    return Q(status=PressDelivery.Status.PENDING, next_attempt_at__lte=now) | Q(
        status=PressDelivery.Status.SENDING, next_attempt_at__lte=now
    )


def _claim(row, now):
    """Take `row` for one attempt if nobody changed it since we read it; returns the attempt number."""
    abandoned = row.status == PressDelivery.Status.SENDING
    lease = now + timedelta(seconds=conf("PRESS_MAIL_LEASE_SECONDS"))
    unchanged = PressDelivery.objects.filter(_due(now), pk=row.pk, attempts=row.attempts, status=row.status)
    if abandoned and row.attempts >= row.max_attempts:
        unchanged.update(status=PressDelivery.Status.FAILED, last_error=ABANDONED)
        return None
    if unchanged.update(status=PressDelivery.Status.SENDING, attempts=row.attempts + 1, next_attempt_at=lease) != 1:
        return None
    return row.attempts + 1


def smtp_answer(exc):
    """The SMTP server's answer (code and text) or the connection error, for the log."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{addr}: {code} {_text(msg)}" for addr, (code, msg) in exc.recipients.items())
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return f"{type(exc).__name__}: {exc}"


def _text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _finish(row, attempt, ok, answer):
    now = timezone.now()
    if ok:
        done = {"status": PressDelivery.Status.SENT, "sent_at": now, "last_error": ""}
    elif attempt >= row.max_attempts:
        done = {"status": PressDelivery.Status.FAILED, "last_error": answer}
    else:
        done = {
            "status": PressDelivery.Status.PENDING,
            "last_error": answer,
            "next_attempt_at": now + timedelta(seconds=backoff(attempt)),
        }
    with transaction.atomic():
        PressDelivery.objects.filter(pk=row.pk, attempts=attempt, status=PressDelivery.Status.SENDING).update(**done)
        DeliveryAttempt.objects.create(delivery_id=row.pk, number=attempt, at=now, ok=ok, answer=answer[:4000])


def _skip(row, reason):
    PressDelivery.objects.filter(pk=row.pk, status=PressDelivery.Status.SENDING).update(
        status=PressDelivery.Status.SKIPPED, last_error=reason
    )


def _send_one(row, attempt, contents):
    from news.models import NewsPage

    page_id = row.release.page_id
    if page_id not in contents:
        page = public_pages(NewsPage).filter(pk=page_id).first()
        contents[page_id] = note_content(page) if page else None
    content = contents[page_id]
    if content is None:
        return _skip(row, NOT_PUBLIC)
    contact = row.contact
    if not still_wanted(contact):
        return _skip(row, CONTACT_GONE)
    connection = get_connection(fail_silently=False, timeout=conf("PRESS_MAIL_TIMEOUT"))
    try:
        sent = build_message(content, contact, row.email, connection=connection).send()
    except (smtplib.SMTPException, OSError) as exc:
        answer = smtp_answer(exc)
        logger.warning("Press note %s to %s, attempt %s failed: %s", page_id, row.email, attempt, answer)
        return _finish(row, attempt, False, answer)
    return _finish(row, attempt, bool(sent), "250 aceptado" if sent else "no enviado")


def deliver_due(release_id=None, limit=None):
    """Send every due delivery (of one release, or all); returns how many attempts were made."""
    limit = limit or conf("PRESS_MAIL_BATCH")
    made, contents, seen = 0, {}, set()
    while made < limit:
        now = timezone.now()
        due = PressDelivery.objects.filter(_due(now)).exclude(pk__in=seen)
        if release_id is not None:
            due = due.filter(release_id=release_id)
        row = due.select_related("release", "contact_type").order_by("next_attempt_at", "pk").first()
        if row is None:
            break
        seen.add(row.pk)
        attempt = _claim(row, now)
        if attempt is None:
            continue
        _send_one(row, attempt, contents)
        made += 1
    return made


def requeue(deliveries):
    """The Director's "reenviar": send again now, with a fresh retry budget."""
    now = timezone.now()
    busy = Q(status=PressDelivery.Status.SENDING, next_attempt_at__gt=now)
    ids = list(deliveries.exclude(busy).values_list("pk", flat=True))
    count = PressDelivery.objects.filter(pk__in=ids).update(
        status=PressDelivery.Status.PENDING,
        next_attempt_at=now,
        max_attempts=F("attempts") + conf("PRESS_MAIL_MAX_ATTEMPTS"),
    )
    release_ids = set(PressDelivery.objects.filter(pk__in=ids).values_list("release_id", flat=True))
    for release_id in release_ids:
        transaction.on_commit(lambda release_id=release_id: send_release.enqueue(release_id))
    return count
