"""Admin views: the press releases' delivery log with the Director's "reenviar", embargo links."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_required

from cms.models import Institution, MediaOutlet
from media_relations.delivery import requeue
from media_relations.links import calendar_url, embargo_url
from media_relations.models import EmbargoLink, PressDelivery, PressRelease

VIEW_RELEASES = "media_relations.view_pressrelease"
RESEND = "media_relations.resend_pressrelease"
SHARE_EMBARGO = "media_relations.add_embargolink"
REVOKE_EMBARGO = "media_relations.change_embargolink"


@permission_required(VIEW_RELEASES)
def release_index(request):
    releases = (
        PressRelease.objects.select_related("page")
        .annotate(
            total=Count("deliveries"),
            sent=Count("deliveries", filter=Q(deliveries__status=PressDelivery.Status.SENT)),
            failed=Count("deliveries", filter=Q(deliveries__status=PressDelivery.Status.FAILED)),
        )
        .order_by("-created_at")[:200]
    )
    return TemplateResponse(request, "media_relations/admin/release_index.html", {"releases": releases})


@permission_required(VIEW_RELEASES)
def release_detail(request, release_id):
    release = get_object_or_404(PressRelease.objects.select_related("page"), pk=release_id)
    can_resend = request.user.has_perm(RESEND)
    if request.method == "POST":
        if not can_resend:
            raise PermissionDenied
        deliveries = release.deliveries.all()
        if request.POST.get("delivery"):
            deliveries = deliveries.filter(pk=request.POST["delivery"])
        with transaction.atomic():
            count = requeue(deliveries)
        if count:
            messages.success(request, _("Se reenviará a %(count)d contacto(s).") % {"count": count})
        else:
            messages.error(request, _("Nada que reenviar: el envío está en curso."))
        return redirect("media_relations_release", release.pk)
    deliveries = release.deliveries.prefetch_related("attempt_log").order_by("contact_name")
    return TemplateResponse(
        request,
        "media_relations/admin/release_detail.html",
        {"release": release, "deliveries": deliveries, "can_resend": can_resend},
    )


def accredited_choices():
    types = ContentType.objects.get_for_models(MediaOutlet, Institution)
    choices = []
    for model in (MediaOutlet, Institution):
        for contact in model.objects.filter(accredited=True).exclude(email="").order_by("name"):
            label = contact.name + (f" — {contact.contact_person}" if contact.contact_person else "")
            choices.append((f"{types[model].pk}:{contact.pk}", label))
    return choices


class EmbargoShareForm(forms.Form):
    contacts = forms.MultipleChoiceField(
        label=gettext_lazy("Periodistas acreditados"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacts"].choices = accredited_choices()

    def chosen(self):
        result = []
        for value in self.cleaned_data["contacts"]:
            type_id, pk = (int(part) for part in value.split(":"))
            model = ContentType.objects.get_for_id(type_id).model_class()
            result.append(model.objects.get(pk=pk, accredited=True))
        return result


def embargoed_notes():
    """Press notes with a revision approved to go live later (never public yet)."""
    from wagtail.models import Revision

    from news.models import NewsPage

    ids = Revision.page_revisions.filter(approved_go_live_at__gt=timezone.now()).values_list("object_id", flat=True)
    return NewsPage.objects.filter(pk__in=[int(pk) for pk in ids]).order_by("title")


@permission_required("media_relations.view_embargolink")
def embargo_index(request):
    notes = list(embargoed_notes())
    links = EmbargoLink.objects.select_related("page").annotate(opened=Count("openings")).order_by("-created_at")[:200]
    context = {"notes": notes, "links": links, "can_share": request.user.has_perm(SHARE_EMBARGO)}
    context["link_urls"] = {link.pk: embargo_url(link) for link in links}
    return TemplateResponse(request, "media_relations/admin/embargo_index.html", context)


@permission_required(SHARE_EMBARGO)
def embargo_share(request, page_id):
    page = get_object_or_404(embargoed_notes(), pk=page_id)
    form = EmbargoShareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        types = ContentType.objects.get_for_models(MediaOutlet, Institution)
        with transaction.atomic():
            for contact in form.chosen():
                EmbargoLink.objects.create(
                    page=page,
                    contact_type=types[type(contact)],
                    contact_id=contact.pk,
                    contact_name=contact.contact_person or contact.name,
                    created_by=request.user,
                )
        messages.success(request, _("Enlaces con embargo creados."))
        return redirect("media_relations_embargo_index")
    return TemplateResponse(
        request,
        "media_relations/admin/embargo_share.html",
        {"page": page, "form": form, "go_live_at": page.scheduled_revision.approved_go_live_at},
    )


@permission_required("media_relations.view_embargolink")
def embargo_link_detail(request, link_id):
    link = get_object_or_404(EmbargoLink.objects.select_related("page"), pk=link_id)
    if request.method == "POST":
        if not request.user.has_perm(REVOKE_EMBARGO):
            raise PermissionDenied
        if link.revoked_at is None:
            EmbargoLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
                revoked_at=timezone.now(), revoked_by=request.user
            )
            messages.success(request, _("Enlace revocado."))
        return redirect("media_relations_embargo_link", link.pk)
    return TemplateResponse(
        request,
        "media_relations/admin/embargo_link.html",
        {
            "link": link,
            "url": embargo_url(link),
            "openings": link.openings.all()[:500],
            "can_revoke": request.user.has_perm(REVOKE_EMBARGO),
        },
    )


@permission_required("media_relations.view_interviewrequest")
def office_calendar_link(request):
    return TemplateResponse(
        request, "media_relations/admin/calendar_link.html", {"calendar_url": calendar_url(request.user)}
    )
