"""Emergency publication: a Director publishes without a second approver, with a written reason."""

from django import forms
from django.apps import apps
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Page

from moderation.rules import (
    ALREADY_DECIDED,
    EMERGENCY_PUBLISH,
    AlreadyDecided,
    can_emergency_publish,
    has_something_to_publish,
    is_moderated,
    lock_object,
)


class EmergencyPublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Motivo de la publicación de emergencia"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Explique por qué no se puede esperar la aprobación de otro Director. "
            "Queda registrado en el historial y en el reporte «Publicaciones de emergencia»."
        ),
    )


@transaction.atomic
def emergency_publish(obj, user, reason):
    """Cancel any review in progress, publish the latest revision and log why.

    Under the same lock as approval (moderation.rules.lock_object): if someone else published
    this revision or decided the review meanwhile, nothing is published twice."""
    lock_object(Page if isinstance(obj, Page) else type(obj), obj.pk)
    obj = type(obj)._default_manager.get(pk=obj.pk)
    revision = obj.get_latest_revision()
    if revision is None or obj.live and obj.live_revision_id == revision.pk:
        raise AlreadyDecided(ALREADY_DECIDED)
    workflow_state = obj.current_workflow_state
    cancelled = None
    if workflow_state is not None:
        cancelled = workflow_state.pk
        workflow_state.cancel(user=user)
    revision.publish(user=user)
    log(
        instance=obj,
        action=EMERGENCY_PUBLISH,
        user=user,
        revision=revision,
        data={"reason": reason, "revision_id": revision.pk, "cancelled_workflow_state_id": cancelled},
    )
    return revision


SUMMARY_FIELDS = ("lead", "summary", "intro", "message", "search_description")


def published_summary(revision):
    """What goes live: the revision's title, type and first summary-like field."""
    obj = revision.as_object()
    text = next((str(getattr(obj, name)) for name in SUMMARY_FIELDS if getattr(obj, name, "")), "")
    return {
        "title": revision.object_str or str(obj),
        "type": obj._meta.verbose_name,
        "text": strip_tags(text),
        "live": getattr(obj, "live", False),
    }


def revision_view_url(obj, revision):
    """The admin's view of that revision (pages: compared with the live version when there is one)."""
    if isinstance(obj, Page):
        if obj.live:
            return reverse("wagtailadmin_pages:revisions_compare", args=[obj.pk, "live", revision.pk])
        return reverse("wagtailadmin_pages:revisions_view", args=[obj.pk, revision.pk])
    name = f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:revisions_view"
    return reverse(name, args=[quote(obj.pk), revision.pk])


def emergency_publish_url(obj):
    if isinstance(obj, Page):
        app_label, model_name = "wagtailcore", "page"
    else:
        app_label, model_name = obj._meta.app_label, obj._meta.model_name
    return reverse("moderation_emergency_publish", args=[app_label, model_name, quote(obj.pk)])


def get_object(app_label, model_name, pk):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as e:
        raise Http404 from e
    if issubclass(model, Page):
        obj = Page.objects.filter(pk=unquote(pk)).first()
        obj = obj.specific if obj else None
    else:
        obj = model._default_manager.filter(pk=unquote(pk)).first()
    if obj is None or not is_moderated(obj):
        raise Http404
    return obj


class EmergencyPublishView(WagtailAdminTemplateMixin, FormView):
    form_class = EmergencyPublishForm
    template_name = "moderation/emergency_publish.html"
    page_title = _("Publicación de emergencia")
    header_icon = "warning"

    def setup(self, request, *args, app_label, model_name, pk, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object(app_label, model_name, pk)
        self.edit_url = AdminURLFinder(request.user).get_edit_url(self.object) or reverse("wagtailadmin_home")

    def dispatch(self, request, *args, **kwargs):
        if not can_emergency_publish(request.user, self.object):
            raise PermissionDenied
        if not has_something_to_publish(self.object):
            messages.error(request, _("No hay cambios pendientes de publicar."))
            return redirect(self.edit_url)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object.get_latest_revision().object_str or self.object)

    def get_page_title(self):
        return _("Publicación de emergencia: «%(title)s»") % {"title": self.get_page_subtitle()}

    def get_header_title(self):
        return self.get_page_title()

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Inicio")},
            {"url": self.edit_url, "label": self.get_page_subtitle()},
            {"url": "", "label": _("Publicación de emergencia")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        revision = self.object.get_latest_revision()
        context.update(
            object=self.object,
            revision=revision,
            summary=published_summary(revision),
            revision_url=revision_view_url(self.object, revision),
            workflow_state=self.object.current_workflow_state,
            edit_url=self.edit_url,
            action_url=self.request.get_full_path(),
        )
        return context

    def form_valid(self, form):
        try:
            emergency_publish(self.object, self.request.user, form.cleaned_data["reason"])
        except AlreadyDecided as refusal:
            messages.error(self.request, str(refusal))
            return redirect(self.edit_url)
        messages.success(
            self.request,
            _("«%(title)s» se publicó por emergencia. El motivo quedó registrado.")
            % {"title": self.get_page_subtitle()},
        )
        return redirect(self.edit_url)
