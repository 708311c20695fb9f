"""Dashboards: the Redactor's own work (drafts, in review, returned with the comment, scheduled),
the confirmation after approving or rejecting from the dashboard, the returned comment on the
edit view until resubmitted, and the emergency form naming what it publishes."""

import datetime

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from moderation.emergency import emergency_publish_url
from tests.moderation.helpers import act, draft_news, edit_url, submit

COMMENT = "Falta la hora del desfile."


def messages_of(response):
    return [str(m).strip() for m in get_messages(response.wsgi_request)]


def test_redactor_dashboard_lists_drafts_reviews_returned_and_scheduled(
    news_index, redactor, as_redactor, as_director
):
    draft = draft_news(news_index, redactor, title="Borrador de la Redactora")
    in_review = draft_news(news_index, redactor, title="Nota en revisión")
    submit(as_redactor, in_review)
    returned = draft_news(news_index, redactor, title="Nota devuelta")
    submit(as_redactor, returned)
    act(as_director, returned, "reject", COMMENT)
    scheduled = draft_news(news_index, redactor, title="Nota programada")
    submit(
        as_redactor,
        scheduled,
        go_live_at=(timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M"),
    )
    act(as_director, scheduled, "approve")

    html = as_redactor.get(reverse("wagtailadmin_home")).content.decode()

    sections = html.split('<h3 class="w-mt-4" id="my-work-')
    assert len(sections) == 5
    returned_html, review_html, drafts_html, scheduled_html = sections[1:]
    assert "Nota devuelta" in returned_html and COMMENT in returned_html
    assert "Nota en revisión" in review_html and "Nota devuelta" not in review_html
    assert draft.title in drafts_html and "Nota en revisión" not in drafts_html
    assert "Nota programada" in scheduled_html


def test_director_does_not_get_the_redactor_panel(as_director, site_tree):
    assert 'id="my-work-' not in as_director.get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_approve_and_reject_say_what_happened(news_index, redactor, as_redactor, as_director):
    first = draft_news(news_index, redactor, title="Nota para aprobar")
    second = draft_news(news_index, redactor, title="Nota para devolver")
    submit(as_redactor, first)
    submit(as_redactor, second)
    assert "Aprobó «Nota para aprobar»." in messages_of(act(as_director, first, "approve"))
    rejected = messages_of(act(as_director, second, "reject", COMMENT))
    assert any(m.startswith("Pidió cambios para «Nota para devolver»") for m in rejected)


def test_returned_comment_shown_on_the_edit_view_until_resubmitted(news_index, redactor, as_redactor, as_director):
    page = draft_news(news_index, redactor, title="Nota devuelta")
    submit(as_redactor, page)
    act(as_director, page, "reject", COMMENT)
    assert COMMENT in as_redactor.get(edit_url(page)).content.decode()
    submit(as_redactor, page)
    assert COMMENT not in as_redactor.get(edit_url(page)).content.decode()


def test_emergency_form_names_the_page_and_shows_what_will_be_published(
    news_index, redactor, as_redactor, as_director
):
    page = draft_news(news_index, redactor, title="Corte de tránsito en la Av. El Sol")
    submit(as_redactor, page)
    html = as_director.get(emergency_publish_url(page)).content.decode()
    page.refresh_from_db()
    assert "Publicación de emergencia: «Corte de tránsito en la Av. El Sol»" in html
    assert page.lead in html
    assert reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.get_latest_revision().pk]) in html
