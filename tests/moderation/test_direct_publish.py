"""Publish permission is not a way around review: Directors publish by approving or by emergency."""

from django.urls import reverse

from news.models import NewsPage
from screens.models import Alert
from tests.moderation.helpers import (
    add_news_url,
    alert_form,
    alert_url,
    bulk_url,
    draft_news,
    edit_url,
    login,
    new_news_form,
    post_edit,
)


def test_the_publish_button_is_not_offered(as_director, director, news_index):
    page = draft_news(news_index, director)
    content = as_director.get(edit_url(page)).content.decode()
    assert 'name="action-publish"' not in content
    assert 'name="action-submit"' in content


def test_edit_view_publish_is_refused_for_the_director(as_director, director, news_index):
    page = draft_news(news_index, director)
    response = post_edit(as_director, page, "action-publish")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.live_revision_id is None


def test_create_and_publish_is_refused_for_the_director(as_director, news_index):
    count = NewsPage.objects.count()
    response = as_director.post(add_news_url(news_index), new_news_form("Nota sin revisión", "action-publish"))
    assert response.status_code == 302
    assert NewsPage.objects.count() == count
    as_director.post(add_news_url(news_index), new_news_form("Nota sin revisión", "action-submit"))
    assert NewsPage.objects.get(title="Nota sin revisión").workflow_in_progress


def test_bulk_publish_is_refused_for_the_director(as_director, draft):
    response = as_director.post(bulk_url("publish", draft), {"include_descendants": ""})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live


def test_copy_and_publish_is_refused(as_director, live_news, news_index):
    count = NewsPage.objects.count()
    data = {
        "new_title": "Copia publicada",
        "new_slug": "copia-publicada",
        "new_parent_page": news_index.pk,
        "publish_copies": "on",
    }
    response = as_director.post(reverse("wagtailadmin_pages:copy", args=[live_news.pk]), data)
    assert response.status_code == 302
    assert NewsPage.objects.count() == count


def test_alert_publish_is_refused_for_the_director(as_director, alert_draft):
    response = as_director.post(alert_url("edit", alert_draft), {**alert_form(alert_draft), "action-publish": "1"})
    assert response.status_code == 302
    alert_draft.refresh_from_db()
    assert not alert_draft.live


def test_the_director_may_still_unpublish(as_director, live_news, live_alert):
    assert as_director.post(reverse("wagtailadmin_pages:unpublish", args=[live_news.pk])).status_code == 302
    assert as_director.post(alert_url("unpublish", live_alert)).status_code == 302
    live_news.refresh_from_db()
    live_alert.refresh_from_db()
    assert not live_news.live and not live_alert.live


def test_superusers_publish_directly(superuser, site_tree, news_index):
    """The technical account is the one exception (it also edits groups and workflows)."""
    client = login(superuser)
    page = draft_news(news_index, superuser)
    assert 'name="action-publish"' in client.get(edit_url(page)).content.decode()
    assert post_edit(client, page, "action-publish").status_code == 302
    page.refresh_from_db()
    assert page.live
    alert = Alert.objects.create(title="Aviso", message="Prueba", ends_at=page.date.replace(year=page.date.year + 1))
    response = client.post(alert_url("edit", alert), {**alert_form(alert), "action-publish": "1"})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.live
