"""Every admin listing of ours costs the same queries at 3 rows as at 30 (issue 15's mutation audit:
an N+1 in a listing went unnoticed). The activities, alerts and authorities listings are in
tests/events/test_admin_queries.py; these are the others, each with rows that fill its columns."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.models import Institution, MediaOutlet, PageTermOverride, Person, Term
from media_relations.models import InterviewRequest
from publishing.models import Delivery, OutboxEvent, WebhookEndpoint, Withdrawal
from tests.factories import CategoryFactory, NewsPageFactory, PersonFactory, ScreenFactory, publish

pytestmark = pytest.mark.django_db


def news(site_tree, number):
    return publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], title=f"Nota {number}"))


def term(site_tree, number):
    start = datetime.date(1900 + 4 * number, 1, 1)
    return Term.objects.create(
        name=f"Gestión {number}",
        slug=f"gestion-{number}",
        start=start,
        end=start.replace(year=start.year + 3, month=12, day=31),
        mayor=PersonFactory(role=Person.Role.ALCALDE),
    )


def term_override(site_tree, number):
    return PageTermOverride.objects.create(page=news(site_tree, number), term=term(site_tree, number), reason="Fecha")


def delivery(site_tree, number):
    endpoint = WebhookEndpoint.objects.create(name=f"Sitio {number}", url=f"https://sitio{number}.example.org/hook")
    event = OutboxEvent.objects.create(
        event="published", object_type="news.NewsPage", object_id=str(number), body="{}"
    )
    return Delivery.objects.create(event=event, endpoint=endpoint, last_error="timeout")


def withdrawal(site_tree, number):
    page = news(site_tree, number)
    return Withdrawal.objects.create(
        page=page,
        site=Site.objects.get(is_default_site=True),
        path=page.url_path,
        title=page.title,
        reason="Retirada por error",
        withdrawn_by=get_user_model().objects.get(username="admin"),
    )


def interview_request(site_tree, number):
    return InterviewRequest.objects.create(
        outlet=f"Medio {number}",
        journalist="Ana Ejemplo",
        person=PersonFactory(role=Person.Role.REGIDOR),
        topic="Obras de la gestión",
        channel=InterviewRequest.Channel.STUDIO,
    )


LISTINGS = {
    "/admin/notas/": news,
    "/admin/snippets/cms/category/": lambda site_tree, number: CategoryFactory(),
    "/admin/snippets/cms/term/": term,
    "/admin/snippets/cms/pagetermoverride/": term_override,
    "/admin/snippets/media_relations/interviewrequest/": interview_request,
    "/admin/cms/mediaoutlet/": lambda site_tree, number: MediaOutlet.objects.create(
        name=f"Medio {number}", kind="digital", email=f"prensa{number}@medio.example.org"
    ),
    "/admin/cms/institution/": lambda site_tree, number: Institution.objects.create(
        name=f"Institución {number}", sector=Institution.Sector.PUBLIC, email=f"mesa{number}@inst.example.org"
    ),
    "/admin/screens/screen/": lambda site_tree, number: ScreenFactory(),
    "/admin/publishing/webhookendpoint/": lambda site_tree, number: WebhookEndpoint.objects.create(
        name=f"Sitio {number}", url=f"https://sitio{number}.example.org/hook"
    ),
    "/admin/publishing/delivery/": delivery,
    "/admin/publishing/withdrawal/": withdrawal,
}


SHOWN_AS = {  # what a row shows in its listing, when not its str()
    "/admin/publishing/delivery/": lambda row: row.endpoint.name,
    "/admin/publishing/withdrawal/": lambda row: row.title,
}


def queries(client, url, rows):
    client.get(url)  # warm per-process caches (content types, site roots, permissions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    shown = SHOWN_AS.get(url, str)
    page = response.content.decode()
    assert sum(shown(row) in page for row in rows) >= min(len(rows), 20), (url, "a page full of rows")
    return len(captured)


@pytest.mark.parametrize("url", list(LISTINGS))
def test_admin_listing_queries_do_not_grow_with_rows(site_tree, superuser, client, url):
    make = LISTINGS[url]
    client.force_login(superuser)
    made = [make(site_tree, number) for number in range(3)]
    at_three = queries(client, url, made)
    made += [make(site_tree, number) for number in range(3, 30)]
    assert queries(client, url, made) == at_three
