"""What a mutation audit showed the suite would miss (issue 15): aliases, the review queue."""

from django.urls import reverse
from wagtail.models import Page

from moderation.models import DirectorApprovalTask
from tests.moderation.helpers import draft_news, login


def alias_data(news_index):
    return {
        "new_title": "Alias publicado",
        "new_slug": "alias-publicado",
        "new_parent_page": news_index.pk,
        "alias": "on",
    }


def test_an_alias_is_refused_like_copy_and_publish(as_director, live_news, news_index):
    """An alias is live the moment it exists: only superusers may create one."""
    response = as_director.post(reverse("wagtailadmin_pages:copy", args=[live_news.pk]), alias_data(news_index))
    assert response.status_code == 302
    assert not Page.objects.filter(alias_of=live_news).exists()


def test_a_superuser_may_create_an_alias(superuser, live_news, news_index):
    """The control: the refusal above is the guard's, not a broken form."""
    response = login(superuser).post(reverse("wagtailadmin_pages:copy", args=[live_news.pk]), alias_data(news_index))
    assert response.status_code == 302
    assert Page.objects.filter(alias_of=live_news).count() == 1


def test_the_queue_never_offers_a_director_the_revision_they_wrote_submitted_by_someone_else(
    site_tree, news_index, director, director2, redactor
):
    page = draft_news(news_index, director, title="Nota escrita por el Director")
    site_tree["workflow"].start(page, user=redactor)  # the Redactor submits the Director's revision
    task = site_tree["workflow"].tasks.get().specific
    assert isinstance(task, DirectorApprovalTask)
    assert not task.get_task_states_user_can_moderate(director).filter(revision__object_id=str(page.pk)).exists()
    assert task.get_task_states_user_can_moderate(director2).filter(revision__object_id=str(page.pk)).exists()
    assert "Nota escrita por el Director" in login(director2).get("/admin/").content.decode()
