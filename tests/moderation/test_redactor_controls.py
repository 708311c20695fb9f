"""Redactores are offered no control that publishes: no publish button, no copy-and-publish, no
alias, no bulk publish (the server refuses them anyway: tests/moderation/test_direct_publish.py)."""

import re

from django.urls import reverse

from tests.moderation.helpers import login


def test_redactor_sees_no_publish_control(site_tree, redactor, draft, live_news, alert_draft):
    client = login(redactor)
    index = site_tree["sections"]["news.NewsIndexPage"]
    pages = {
        "edit": reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        "edit live": reverse("wagtailadmin_pages:edit", args=[live_news.pk]),
        "add": reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk]),
        "listing": reverse("wagtailadmin_explore", args=[index.pk]),
        "copy": reverse("wagtailadmin_pages:copy", args=[live_news.pk]),
        "alert": reverse("wagtailsnippets_screens_alert:edit", args=[alert_draft.pk]),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert 'name="action-publish"' not in html, name
        assert 'name="publish_copies"' not in html, name
        assert 'name="alias"' not in html, name
        assert not re.search(r'href="[^"]*/bulk/[^"]*/publish/', html), name
