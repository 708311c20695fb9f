"""Translations (wagtail-localize) reach the website only through the Director's workflow.

wagtail-localize's translation editor publishes directly ("action=publish"): the edit
guard refuses that to everybody but superusers (moderation.guards). Instead, whoever may
edit the translated page writes the translation into a draft revision and submits it to
«Aprobación del Director» here; the Director approves it like any other page.
Its "sync translated pages" view may also publish: that option is dropped here.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.update_translations import UpdateTranslationsView

from moderation.rules import may_publish_directly

SUBMITTED = _("Traducción «%(title)s» (%(locale)s) enviada a «Aprobación del Director».")
SUBMIT_HINT = _("Cuando termine de traducir, envíe la traducción a «Aprobación del Director»: solo así se publica.")
OUTDATED = _(
    "Traducción desactualizada: la página original cambió el %(changed)s, después de la última "
    "sincronización de esta traducción (%(synced)s). Sincronice para traer los textos nuevos."
)
ALREADY_IN_REVIEW = _(
    "Traducción «%(title)s» (%(locale)s) actualizada: ya estaba en revisión, el Director aprueba la nueva versión."
)


def synced_translation(page):
    """The enabled wagtail-localize translation whose target is this page, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def submit_for_approval(translation, page, user):
    """Write the translated strings into a draft revision and start (or resume) the workflow."""
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    if state is None:
        page.get_workflow().start(page, user)
        return SUBMITTED
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return SUBMITTED
    return ALREADY_IN_REVIEW


def submit_translation_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = synced_translation(page)
    if translation is None or page.get_workflow() is None:
        raise PermissionDenied
    if request.method == "POST":
        message = submit_for_approval(translation, page, request.user)
        locale = translation.target_locale.get_display_name()
        messages.success(request, message % {"title": page.title, "locale": locale})
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "moderation/submit_translation.html",
        {"page": page, "translation": translation, "source": translation.source.get_source_instance()},
    )


def submit_translation_url(page):
    return reverse("moderation_submit_translation", args=[page.pk])


def submit_translation_buttons(page, user, view_name=None, next_url=None):
    """ "Enviar traducción a aprobación" on the translated page's header and listing."""
    if page.is_root() or page.locale.language_code == settings.LANGUAGE_CODE:
        return
    if synced_translation(page) is not None and page.permissions_for_user(user).can_edit():
        yield ListingButton(
            _("Enviar traducción a Aprobación del Director"),
            submit_translation_url(page),
            priority=55,
            icon_name="resubmit",
        )


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """ "Sincronizar páginas traducidas" without its "publish" option for non-superusers:
    the synced translations become drafts that are submitted like any other change."""

    def form_valid(self, form):
        if not may_publish_directly(self.request.user):
            form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)


def urls():
    return [
        path("traducciones/enviar/<int:page_id>/", submit_translation_view, name="moderation_submit_translation"),
        # Same path as wagtail-localize's view (registered earlier, so it resolves first).
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="moderation_update_translations",
        ),
    ]


def source_changed_at(translation):
    """When the source page last changed (its newest revision), or None."""
    source_page = translation.source.get_source_instance()
    return getattr(source_page, "latest_revision_created_at", None)


def is_outdated(translation):
    """The source changed after this translation was last synced ("desactualizada")."""
    changed_at = source_changed_at(translation)
    return bool(changed_at and changed_at > translation.source.last_updated_at)


def outdated_translation():
    """A boolean for each page of a queryset: it is the target of an enabled translation whose
    source page changed after the last sync (the explorer's "desactualizada"; a subquery, no query per row)."""
    source_changed = Page.objects.filter(
        translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id")
    ).values("latest_revision_created_at")[:1]
    sources = (
        TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"),
            translations__target_locale_id=OuterRef("locale_id"),
            translations__enabled=True,
        )
        .annotate(changed_at=Subquery(source_changed))
        .filter(changed_at__gt=F("last_updated_at"))
    )
    return Exists(sources)


def annotate_outdated(parent_page, pages, request):
    """construct_explorer_page_queryset: mark outdated translations in the page listing."""
    return pages.annotate(translation_outdated=outdated_translation())


def note_translation(request, page):
    """before_edit_page (GET) of a translation: wagtail-localize's editor shows, as messages, the way
    to the Director's workflow and whether the source changed after the last sync."""
    if request.method != "GET" or page.locale.language_code == settings.LANGUAGE_CODE:
        return
    translation = synced_translation(page)
    if translation is None:
        return
    if page.get_workflow() is not None and page.permissions_for_user(request.user).can_edit():
        messages.info(
            request,
            SUBMIT_HINT,
            buttons=[messages.button(submit_translation_url(page), _("Enviar traducción a Aprobación del Director"))],
        )
    if is_outdated(translation):
        note_outdated(request, translation)


def note_outdated(request, translation):
    messages.warning(
        request,
        OUTDATED
        % {
            "changed": date_format(timezone.localtime(source_changed_at(translation)), "DATETIME_FORMAT"),
            "synced": date_format(timezone.localtime(translation.source.last_updated_at), "DATETIME_FORMAT"),
        },
        buttons=[
            messages.button(
                reverse("wagtail_localize:update_translations", args=[translation.source.pk]), _("Sincronizar")
            )
        ],
    )
