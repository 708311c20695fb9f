"""Approving from the editor, changing nothing, publishes exactly the submitted revision: no new
revision, no restarted review. Every page type and the moderated snippet (screens.Alert), each
posted back the way a browser posts an edit form nobody touched (tests/unchanged_post.py)."""

import datetime

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, WorkflowState

from moderation.rules import is_moderated
from screens.models import Alert
from tests.factories import (
    BulletinPageFactory,
    CampaignPageFactory,
    CivicEventPageFactory,
    DocumentFactory,
    ImageFactory,
    NewsPageFactory,
    SpeechPageFactory,
)
from tests.moderation.helpers import login
from tests.unchanged_post import unchanged_post_data

APPROVE = {"action-workflow-action": "1", "workflow-action-name": "approve", "workflow-action-extra-data": "{}"}


def rich_body():
    """Every block type of the body, so that each one's round trip through the editor is covered."""
    return [
        ("heading", "Programa de la Semana Jubilar"),
        ("paragraph", "<p>Desfile <b>cívico</b> en la <a href='https://cusco.gob.pe'>Plaza de Armas</a>.</p>"),
        ("image", {"image": ImageFactory(), "alt_text": "Autoridades en el estrado", "decorative": False}),
        ("quote", {"text": "El Cusco es de todos.", "attribution": "Alcalde"}),
        ("document", DocumentFactory()),
        ("video", "https://www.youtube.com/watch?v=abc123"),
    ]


def make_draft(label, tree, redactor):
    """A page of this type with content and a draft revision by the Redactor (sections: the live one)."""
    sections = tree["sections"]
    tomorrow = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=1)
    factories = {
        "news.newspage": lambda: NewsPageFactory(
            parent=sections["news.NewsIndexPage"], body=rich_body(), date=tomorrow, screen_headline="Semana Jubilar"
        ),
        "news.speechpage": lambda: SpeechPageFactory(
            parent=sections["news.SpeechIndexPage"], body=rich_body(), delivered_on=tomorrow
        ),
        "news.bulletinpage": lambda: BulletinPageFactory(parent=sections["news.BulletinIndexPage"]),
        "events.civiceventpage": lambda: CivicEventPageFactory(
            parent=sections["events.EventIndexPage"], start=tomorrow, end=tomorrow + datetime.timedelta(hours=2)
        ),
        "home.homepage": lambda: tree["home"],
        "news.campaignpage": lambda: CampaignPageFactory(parent=sections["news.CampaignIndexPage"], body=rich_body()),
    }
    if label in factories:
        page = factories[label]()
    else:
        page = next(s for s in sections.values() if s._meta.label_lower == label)
    if not page.live or label in factories and label != "home.homepage":
        Page.objects.filter(pk=page.pk).update(live=False, owner=redactor)
    return Page.objects.get(pk=page.pk).specific


def page_labels():
    return sorted(m._meta.label_lower for m in apps.get_models() if issubclass(m, Page) and m is not Page)


def edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:edit", args=[obj.pk])


def post_unchanged(client, obj, extra):
    url = edit_url(obj)
    response = client.get(url)
    assert response.status_code == 200
    data = unchanged_post_data(response.context["form"])
    response = client.post(url, {**data, **extra})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return response


def assert_published_as_submitted(obj, director, revisions_before):
    obj = type(obj).objects.get(pk=obj.pk)
    submitted = WorkflowState.objects.for_instance(obj).get()
    assert submitted.status == WorkflowState.STATUS_APPROVED
    assert obj.live
    assert obj.live_revision_id == obj.latest_revision_id == submitted.current_task_state.revision_id
    assert Revision.objects.for_instance(obj).count() == revisions_before
    assert not Revision.objects.for_instance(obj).filter(user=director).exists()
    task_state = TaskState.objects.for_instance(obj).get()
    assert (task_state.status, task_state.finished_by_id) == (TaskState.STATUS_APPROVED, director.pk)


def test_every_page_type_is_covered():
    assert page_labels() == sorted(
        [
            "events.civiceventpage",
            "events.eventindexpage",
            "home.homepage",
            "news.bulletinindexpage",
            "news.bulletinpage",
            "news.campaignindexpage",
            "news.campaignpage",
            "news.newsindexpage",
            "news.newspage",
            "news.speechindexpage",
            "news.speechpage",
        ]
    )


@pytest.mark.parametrize("label", page_labels())
def test_director_approves_a_page_from_the_editor_without_a_new_revision(label, site_tree, redactor, director):
    page = make_draft(label, site_tree, redactor)
    post_unchanged(login(redactor), page, {"action-submit": "1"})
    revisions_before = Revision.objects.for_instance(page).count()
    assert Revision.objects.for_instance(page).latest("created_at").user == redactor

    post_unchanged(login(director), page, APPROVE)

    assert_published_as_submitted(page, director, revisions_before)


def test_director_approves_an_alert_from_the_editor_without_a_new_revision(alert_draft, redactor, director):
    assert is_moderated(alert_draft)
    post_unchanged(login(redactor), alert_draft, {"action-submit": "1"})
    revisions_before = Revision.objects.for_instance(alert_draft).count()

    post_unchanged(login(director), alert_draft, APPROVE)

    assert_published_as_submitted(alert_draft, director, revisions_before)
    assert Alert.objects.get(pk=alert_draft.pk).title == "Corte de agua"


@pytest.mark.parametrize("model_label", [*page_labels(), "screens.alert"])
def test_no_editing_form_compares_against_a_hidden_initial(model_label):
    """Django's hidden-initial comparison (callable defaults) always counts as a change in Wagtail's editor."""
    model = apps.get_model(model_label)
    if issubclass(model, Page):
        form_class = model.get_edit_handler().get_form_class()
    else:
        from wagtail.snippets.models import get_snippet_models  # noqa: F401  (registry loaded)

        form_class = model.snippet_viewset.get_edit_handler().get_form_class()
    hidden_initial = [name for name, field in form_class.base_fields.items() if field.show_hidden_initial]
    assert hidden_initial == []
