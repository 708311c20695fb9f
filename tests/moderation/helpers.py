"""Helpers for driving the admin over HTTP in the moderation tests."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import NewsPageFactory


def login(user):
    client = Client()
    client.force_login(user)
    return client


def draft_news(parent, author, title="Nota de prensa en revisión"):
    """A press note that was never published, its only revision written by `author`."""
    date = timezone.now().replace(second=0, microsecond=0)  # the admin form has minute precision
    page = NewsPageFactory(parent=parent, title=title, date=date, live=False, main_image=None, owner=author)
    page.save_revision(user=author)
    page.refresh_from_db()
    return page


def local(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def body_form(page):
    """The body as the editor posts it back (block ids, rich-text block keys): unchanged."""
    data = streamfield([(block.block_type, rich_text(block.value.source)) for block in page.body])
    for index, block in enumerate(page.body):
        data[str(index)]["id"] = block.id
    return data


def news_form(page, **overrides):
    """POST data for the NewsPage edit form, with the values of the page's latest revision."""
    page = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    data = {
        "title": page.title,
        "slug": page.slug,
        "date": local(page.date),
        "initial-date": local(page.date),  # the field has a callable default: Django posts its initial
        "place": page.place,
        "lead": page.lead,
        "main_image": "",
        "body": body_form(page),
        "screen_headline": page.screen_headline,
        "seo_title": "",
        "search_description": "",
        "go_live_at": local(page.go_live_at),
        "expire_at": local(page.expire_at),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_edit(client, page, action=None, **overrides):
    data = news_form(page, **overrides)
    if action:
        data[action] = "1"
    return client.post(edit_url(page), data)


def submit(client, page, **overrides):
    response = post_edit(client, page, "action-submit", **overrides)
    assert response.status_code == 302, response.content[:2000]
    return response


def current_task_state(obj):
    return TaskState.objects.for_instance(obj).filter(status=TaskState.STATUS_IN_PROGRESS).get()


def workflow_action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def act(client, page, action, comment=""):
    """Approve or reject through the workflow action URL (the dashboard's and the modal's route)."""
    task_state = current_task_state(page)
    return client.post(workflow_action_url(page, action, task_state), {"comment": comment})


def alert_form(alert, **overrides):
    data = {
        "title": alert.title,
        "message": alert.message,
        "severity": alert.severity,
        "starts_at": local(alert.starts_at),
        "ends_at": local(alert.ends_at),
        "all_screens": "on",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return data


def alert_url(name, alert, *args):
    return reverse(f"wagtailsnippets_screens_alert:{name}", args=[alert.pk, *args])


def add_news_url(parent):
    return reverse("wagtailadmin_pages:add", args=["news", "newspage", parent.pk])


def new_news_form(title, action):
    now = local(timezone.now())
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": now,
            "initial-date": now,
            "lead": "La Municipalidad informa.",
            "body": streamfield([("paragraph", rich_text("<p>Texto.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def bulk_url(action, *objects, app_label="wagtailcore", model_name="page"):
    ids = "&".join(f"id={obj.pk}" for obj in objects)
    return reverse("wagtail_bulk_action", args=[app_label, model_name, action]) + f"?{ids}"
