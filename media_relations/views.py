"""Login-free pages for journalists: one-click unsubscribe and the embargoed preview."""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.api.public import public_pages
from media_relations.links import contact_from_unsubscribe_token
from media_relations.models import EmbargoLink, EmbargoOpening
from publishing.outbox import public_url


@csrf_exempt  # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" with no session or token.
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a confirmation button (link scanners must not unsubscribe anyone); POST unsubscribes."""
    contact = contact_from_unsubscribe_token(token)
    if contact is None:
        return render(request, "media_relations/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        if contact.unsubscribed_at is None:
            contact.unsubscribed_at = timezone.now()
            contact.save(update_fields=["unsubscribed_at"])
        return render(request, "media_relations/unsubscribe.html", {"contact": contact, "done": True})
    return render(request, "media_relations/unsubscribe.html", {"contact": contact, "done": False})


def _client_ip(request):
    return request.META.get("REMOTE_ADDR") or None


@never_cache
@require_http_methods(["GET"])
def embargo(request, token):
    """The journalist's personal link: the note under embargo until go-live, then the public page."""
    link = get_object_or_404(EmbargoLink.objects.select_related("page"), token=token)
    page = link.page
    opening = EmbargoOpening(
        link=link, ip_address=_client_ip(request), user_agent=request.META.get("HTTP_USER_AGENT", "")[:300]
    )
    if link.revoked:
        opening.outcome = EmbargoOpening.Outcome.REVOKED
        opening.save()
        return render(request, "media_relations/embargo_gone.html", {"revoked": True}, status=410)
    if public_pages(type(page)).filter(pk=page.pk).exists():
        opening.outcome = EmbargoOpening.Outcome.PUBLIC
        opening.save()
        return HttpResponseRedirect(public_url(page))
    revision = page.scheduled_revision
    if revision is None or revision.approved_go_live_at is None:
        opening.outcome = EmbargoOpening.Outcome.UNAVAILABLE
        opening.save()
        return render(request, "media_relations/embargo_gone.html", {"revoked": False}, status=404)
    opening.outcome = EmbargoOpening.Outcome.EMBARGOED
    opening.save()
    note = revision.as_object()
    response = render(
        request,
        "media_relations/embargo.html",
        {"note": note, "go_live_at": revision.approved_go_live_at, "link": link},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
