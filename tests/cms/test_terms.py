"""Mayoral terms (gestión): computed from the first publication in Lima, overridable, filterable."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from cms.models import PageTermOverride, Term
from tests.factories import NewsPageFactory, PersonFactory, publish

LIMA = zoneinfo.ZoneInfo("America/Lima")


@pytest.fixture
def terms(db):
    mayor = PersonFactory(name="Alcalde 2023", role="alcalde")
    return (
        Term.objects.create(
            name="Gestión 2019–2022",
            slug="2019-2022",
            start=datetime.date(2019, 1, 1),
            end=datetime.date(2022, 12, 31),
        ),
        Term.objects.create(
            name="Gestión 2023–2026",
            slug="2023-2026",
            start=datetime.date(2023, 1, 1),
            end=datetime.date(2026, 12, 31),
            mayor=mayor,
        ),
    )


def note_first_published(site_tree, moment, **kwargs):
    page = publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], **kwargs))
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    return page


def test_term_boundaries_are_lima_days(site_tree, terms, client):
    # 31 Dec 2022, 23:30 in Lima is already 1 Jan 2023 in UTC: it belongs to the old term.
    last_old = note_first_published(
        site_tree, datetime.datetime(2022, 12, 31, 23, 30, tzinfo=LIMA), title="Fin de año"
    )
    first_new = note_first_published(site_tree, datetime.datetime(2023, 1, 1, 0, 5, tzinfo=LIMA), title="Año nuevo")
    old = client.get("/api/v2/pages/?type=news.NewsPage&gestion=2019-2022").json()["items"]
    new = client.get("/api/v2/pages/?type=news.NewsPage&gestion=2023-2026").json()["items"]
    assert [i["id"] for i in old] == [last_old.pk]
    assert [i["id"] for i in new] == [first_new.pk]
    assert client.get(f"/api/v2/pages/{last_old.pk}/").json()["meta"]["gestion"] == {
        "slug": "2019-2022",
        "name": "Gestión 2019–2022",
    }
    assert new[0]["meta"]["gestion"]["slug"] == "2023-2026"


def test_an_administrator_override_wins(site_tree, terms, client):
    page = note_first_published(site_tree, datetime.datetime(2023, 3, 1, 12, tzinfo=LIMA))
    PageTermOverride.objects.create(page=page, term=terms[0], reason="Nota preparada en la gestión anterior")
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["meta"]["gestion"]["slug"] == "2019-2022"
    assert [i["id"] for i in client.get("/api/v2/pages/?gestion=2019-2022").json()["items"]] == [page.pk]
    assert page.pk not in {i["id"] for i in client.get("/api/v2/pages/?gestion=2023-2026").json()["items"]}


def test_a_page_outside_every_term_has_none(site_tree, terms, client):
    page = note_first_published(site_tree, datetime.datetime(2015, 5, 1, tzinfo=LIMA))
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["meta"]["gestion"] is None


def test_unknown_term_is_a_json_400_naming_the_known_ones(terms, client):
    response = client.get("/api/v2/pages/?gestion=1990-1993")
    assert response.status_code == 400
    assert "2023-2026" in response.json()["message"]


def test_terms_may_not_overlap_or_end_before_they_start(terms):
    with pytest.raises(ValidationError):
        Term(name="Mal", slug="mal", start=datetime.date(2026, 1, 1), end=datetime.date(2025, 1, 1)).full_clean()
    with pytest.raises(ValidationError):
        Term(
            name="Solapada", slug="solapada", start=datetime.date(2022, 6, 1), end=datetime.date(2024, 1, 1)
        ).full_clean()


def test_admin_news_listing_shows_the_term_at_a_fixed_query_cost(
    site_tree, terms, superuser, client, django_assert_max_num_queries
):
    client.force_login(superuser)
    note_first_published(site_tree, datetime.datetime(2023, 5, 1, tzinfo=LIMA))
    response = client.get("/admin/notas/")
    assert response.status_code == 200
    assert "Gestión 2023–2026" in response.content.decode()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/admin/notas/")
    for _ in range(9):
        note_first_published(site_tree, datetime.datetime(2024, 5, 1, tzinfo=LIMA))
    with CaptureQueriesContext(connection) as many:
        body = client.get("/admin/notas/").content.decode()
    assert body.count("Gestión 2023–2026") >= 10
    assert len(many) == len(few)
