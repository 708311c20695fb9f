"""Our admin listings cost the same number of queries at 3 and at 30 rows (issue 15 audit)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import AlertFactory, CivicEventPageFactory, PersonFactory, publish


def queries(client, url):
    client.get(url)  # warm per-process caches (content types, site roots)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_rows(site_tree, count, first=0):
    events = site_tree["sections"]["events.EventIndexPage"]
    for number in range(first, first + count):
        start = timezone.now() + datetime.timedelta(days=number + 1)
        publish(CivicEventPageFactory(parent=events, title=f"Actividad {number}", start=start))
        AlertFactory(title=f"Alerta {number}")
        PersonFactory()


@pytest.mark.parametrize(
    "url_name",
    ["actividades:index", "wagtailsnippets_screens_alert:list", "wagtailsnippets_cms_person:list"],
)
def test_listing_queries_do_not_grow_with_rows(site_tree, superuser, client, url_name):
    client.force_login(superuser)
    url = reverse(url_name)
    add_rows(site_tree, 3)
    at_three = queries(client, url)
    add_rows(site_tree, 27, first=3)
    assert queries(client, url) == at_three
