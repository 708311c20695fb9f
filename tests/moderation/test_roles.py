"""`bootstrap` sets the groups' permissions and the workflow exactly, and repairs drift."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
)

from cms.bootstrap import WORKFLOW_NAME
from cms.roles import ADMINISTRADORES, DIRECTOR, REDACTORES
from moderation.models import DirectorApprovalTask
from screens.models import Alert


def model_perms(name):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def page_perms(name):
    rows = GroupPagePermission.objects.filter(group__name=name).select_related("permission", "page")
    return {(row.page.depth, row.permission.codename) for row in rows}


def collection_perms(name):
    rows = GroupCollectionPermission.objects.filter(group__name=name).select_related("permission", "collection")
    return {(row.collection.depth, row.permission.codename) for row in rows}


def bootstrap():
    call_command("bootstrap", stdout=io.StringIO())


@pytest.fixture
def bootstrapped(db):
    bootstrap()


def test_redactores(bootstrapped):
    assert page_perms(REDACTORES) == {(1, "add_page"), (1, "change_page"), (1, "lock_page")}
    assert model_perms(REDACTORES) == {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "cms.add_person",
        "cms.change_person",
        "cms.add_category",
        "cms.change_category",
        "screens.add_alert",
        "screens.change_alert",
        "screens.lock_alert",
        "cms.add_mediaoutlet",
        "cms.change_mediaoutlet",
        "cms.add_institution",
        "cms.change_institution",
        # Press work (issue 17): interview requests and embargo links; deliveries read-only.
        "media_relations.add_interviewrequest",
        "media_relations.change_interviewrequest",
        "media_relations.view_interviewrequest",
        "media_relations.view_pressrelease",
        "media_relations.add_embargolink",
        "media_relations.change_embargolink",
        "media_relations.view_embargolink",
    }
    assert collection_perms(REDACTORES) == {
        (1, codename)
        for codename in (
            "add_image",
            "choose_image",
            "add_document",
            "choose_document",
        )
    }


def test_director(bootstrapped):
    assert {codename for _, codename in page_perms(DIRECTOR)} == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    perms = model_perms(DIRECTOR)
    assert {
        "screens.publish_alert",
        "screens.delete_alert",
        "cms.delete_person",
        "wagtail_localize.submit_translation",
    } <= perms
    assert not any(p.startswith(("auth.", "wagtailcore.")) or p.endswith("_screen") for p in perms)
    assert (1, "delete_image") in collection_perms(DIRECTOR)


def test_administradores(bootstrapped):
    assert page_perms(ADMINISTRADORES) == set()
    perms = model_perms(ADMINISTRADORES)
    assert {"auth.add_user", "auth.change_user", "wagtailcore.change_site", "screens.change_screen"} <= perms
    assert not {"screens.publish_alert", "auth.change_group", "wagtailcore.change_workflow"} & perms
    assert collection_perms(ADMINISTRADORES) == {
        (1, "add_collection"),
        (1, "change_collection"),
        (1, "delete_collection"),
    }


def test_the_stock_groups_that_could_publish_are_gone(bootstrapped):
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_bootstrap_repairs_permission_drift(bootstrapped):
    redactores = Group.objects.get(name=REDACTORES)
    director = Group.objects.get(name=DIRECTOR)
    news = Page.objects.get(slug="notas-de-prensa", locale__language_code="es")
    publish_page = Permission.objects.get(codename="publish_page")
    redactores.permissions.add(Permission.objects.get(codename="publish_alert"))
    GroupPagePermission.objects.create(group=redactores, page=news, permission=publish_page)
    GroupPagePermission.objects.create(
        group=redactores, page=news, permission=Permission.objects.get(codename="bulk_delete_page")
    )
    GroupCollectionPermission.objects.create(
        group=redactores,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="delete_document"),
    )
    GroupPagePermission.objects.filter(group=director, permission=publish_page).delete()
    director.permissions.remove(Permission.objects.get(codename="publish_alert"))

    bootstrap()
    assert "screens.publish_alert" not in model_perms(REDACTORES)
    assert page_perms(REDACTORES) == {(1, "add_page"), (1, "change_page"), (1, "lock_page")}
    assert (1, "delete_document") not in collection_perms(REDACTORES)
    assert (1, "publish_page") in page_perms(DIRECTOR)
    assert "screens.publish_alert" in model_perms(DIRECTOR)


def test_the_workflow_is_set_and_repaired(bootstrapped):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    root = Page.get_first_root_node()
    assert list(WorkflowPage.objects.values_list("page", "workflow")) == [(root.pk, workflow.pk)]
    alert_type = ContentType.objects.get_for_model(Alert)
    assert WorkflowContentType.objects.get(content_type=alert_type).workflow == workflow
    assert list(Workflow.objects.filter(active=True)) == [workflow]

    # Drift: another group on the task, a subtree moved to the stock workflow, Alert unassigned.
    task = DirectorApprovalTask.objects.get()
    task.groups.add(Group.objects.get(name=REDACTORES))
    stock = Workflow.objects.exclude(pk=workflow.pk).get()
    stock.active = True
    stock.save()
    WorkflowPage.objects.create(
        page=Page.objects.get(slug="notas-de-prensa", locale__language_code="es"), workflow=stock
    )
    WorkflowContentType.objects.filter(content_type=alert_type).delete()
    counts = (Workflow.objects.count(), GroupApprovalTask.objects.count())

    bootstrap()
    assert list(task.groups.values_list("name", flat=True)) == [DIRECTOR]
    assert list(WorkflowPage.objects.values_list("page", "workflow")) == [(root.pk, workflow.pk)]
    assert WorkflowContentType.objects.get(content_type=alert_type).workflow == workflow
    assert list(Workflow.objects.filter(active=True)) == [workflow]
    assert (Workflow.objects.count(), GroupApprovalTask.objects.count()) == counts  # nothing duplicated
    assert Page.objects.get(slug="notas-de-prensa", locale__language_code="es").get_workflow() == workflow
