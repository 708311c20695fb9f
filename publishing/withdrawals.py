"""Withdrawal: unpublish a live page with a public reason; its path then answers 410 Gone.

The integrator wires `gone_response_for(request, path)` into /api/v2/resolve/: when the
path does not resolve to a live public page, return its response if it is not None
(publishing any page at that address clears the withdrawal anyway).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Site

from publishing import outbox
from publishing.http import json_error, public_json
from publishing.models import WebhookEvent, Withdrawal
from publishing.signal_handlers import withdrawing

LOG_ACTION = "publishing.withdraw"


def normalize_path(path):
    """'/a/b', 'a/b/', '/a/b/?x=1' → '/a/b/' (Wagtail page paths end with a slash)."""
    path = (path or "").split("?", 1)[0].split("#", 1)[0].strip()
    parts = [part for part in path.split("/") if part]
    return "/" + "".join(f"{part}/" for part in parts)


def lookup(site, path):
    """The active withdrawal for `path` (relative to the site root) on `site`, or None."""
    withdrawals = Withdrawal.objects.filter(path=normalize_path(path), cleared_at__isnull=True)
    if site is not None:
        withdrawals = withdrawals.filter(site=site)
    return withdrawals.order_by("-withdrawn_at").first()


def can_withdraw(page, user):
    """Who may publish the page may withdraw it: the Director, never a Redactor."""
    return page.permissions_for_user(user).can_publish()


@transaction.atomic
def withdraw(page, user, reason):
    """Unpublish `page`, record the public reason, log it and announce "withdrawn" (one transaction)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Escriba el motivo público del retiro.")})
    if user is not None and not can_withdraw(page, user):
        raise PermissionDenied(_("No tiene permiso para retirar esta página."))
    page = page.specific
    if not page.live:
        raise ValidationError({"reason": _("Solo se puede retirar una página publicada.")})
    site_id, _root, path = page.get_url_parts() or (None, None, page.url_path)
    withdrawal = Withdrawal.objects.create(
        page=page,
        site_id=site_id,
        path=normalize_path(path),
        title=page.title[:255],
        reason=reason,
        withdrawn_at=timezone.now(),
        withdrawn_by=user,
    )
    with withdrawing(page.pk):
        UnpublishPageAction(page, user=user, log_action=False).execute(skip_permission_checks=True)
    log(instance=page, action=LOG_ACTION, user=user, data={"reason": reason, "path": withdrawal.path})
    outbox.record_page(
        WebhookEvent.WITHDRAWN,
        page,
        reason=reason,
        withdrawn_at=withdrawal.withdrawn_at.isoformat(),
    )
    return withdrawal


def gone_body(withdrawal):
    return {
        "message": _("Este contenido fue retirado."),
        "title": withdrawal.title,
        "path": withdrawal.path,
        "reason": withdrawal.reason,
        "withdrawn_at": timezone.localtime(withdrawal.withdrawn_at).isoformat(),
    }


def gone_response_for(request, path):
    """410 JSON for a withdrawn path on the request's site, or None if it is not withdrawn."""
    withdrawal = lookup(Site.find_for_request(request), path)
    if withdrawal is None:
        return None
    return public_json(request, gone_body(withdrawal), status=410)


def resolve_view(request):
    """TEMPORARY /api/v2/resolve/ until the page API's resolver lands: 410 for withdrawn paths, else 404."""
    path = request.GET.get("path", "")
    if not path.startswith("/"):
        return json_error(_("El parámetro «path» es obligatorio y debe empezar con «/»."), status=400)
    return gone_response_for(request, path) or json_error(_("No hay contenido publicado en esa ruta."), status=404)
