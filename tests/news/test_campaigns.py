"""Campaigns: a campaign page lists its public items by kind in one request, at a fixed query cost."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from news.models import CampaignPage
from tests.factories import (
    AlertFactory,
    BulletinPageFactory,
    CivicEventPageFactory,
    ImageFactory,
    NewsPageFactory,
    publish,
)


@pytest.fixture
def campaign(site_tree):
    index = site_tree["sections"]["news.CampaignIndexPage"]
    page = CampaignPage(
        title="Inti Raymi 2026",
        slug="inti-raymi-2026",
        purpose="Difundir la Fiesta del Sol con seguridad para vecinos y visitantes.",
        start_date=datetime.date(2026, 6, 1),
        end_date=datetime.date(2026, 6, 30),
        image=ImageFactory(),
    )
    index.add_child(instance=page)
    return publish(page)


def make_items(site_tree, campaign, count):
    sections = site_tree["sections"]
    now = timezone.now()
    for n in range(count):
        publish(
            NewsPageFactory(
                parent=sections["news.NewsIndexPage"], campaign=campaign, date=now - datetime.timedelta(days=n)
            )
        )
        publish(CivicEventPageFactory(parent=sections["events.EventIndexPage"], campaign=campaign))
        publish(BulletinPageFactory(parent=sections["news.BulletinIndexPage"], campaign=campaign))
        alert = AlertFactory()
        alert.campaign = campaign
        alert.save_revision().publish()


def test_campaign_detail_lists_items_by_kind_newest_first(site_tree, campaign, client):
    sections = site_tree["sections"]
    older = publish(
        NewsPageFactory(
            parent=sections["news.NewsIndexPage"],
            campaign=campaign,
            title="Primera nota",
            date=timezone.now() - datetime.timedelta(days=3),
        )
    )
    newer = publish(NewsPageFactory(parent=sections["news.NewsIndexPage"], campaign=campaign, title="Segunda nota"))
    NewsPageFactory(parent=sections["news.NewsIndexPage"], campaign=campaign, title="Borrador", live=False)
    publish(NewsPageFactory(parent=sections["news.NewsIndexPage"], title="Sin campaña"))
    body = client.get(f"/api/v2/pages/{campaign.pk}/").json()
    assert body["purpose"].startswith("Difundir la Fiesta del Sol")
    assert [item["id"] for item in body["items"]["news"]] == [newer.pk, older.pk]
    assert (
        body["items"]["news"][0]["meta"]["html_path"].endswith("/segunda-nota/")
        or body["items"]["news"][0]["title"] == "Segunda nota"
    )
    assert body["items"]["events"] == [] and body["items"]["bulletins"] == [] and body["items"]["alerts"] == []


def test_campaign_items_cost_the_same_queries_for_3_and_12_items(
    site_tree, campaign, client, django_assert_max_num_queries
):
    counts = {}
    for total in (3, 12):
        make_items(site_tree, campaign, total - sum(counts) if not counts else total - 3)
        url = f"/api/v2/pages/{campaign.pk}/"
        client.get(url)  # the first request may generate renditions
        cache.clear()
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            body = client.get(url).json()
        assert len(body["items"]["news"]) == total
        assert len(body["items"]["events"]) == total
        assert len(body["items"]["bulletins"]) == total
        assert len(body["items"]["alerts"]) == total
        counts[total] = len(queries)
    assert counts[3] == counts[12], counts


def test_campaign_filter_on_the_pages_listing(site_tree, campaign, client):
    sections = site_tree["sections"]
    note = publish(NewsPageFactory(parent=sections["news.NewsIndexPage"], campaign=campaign))
    event = publish(CivicEventPageFactory(parent=sections["events.EventIndexPage"], campaign=campaign))
    publish(NewsPageFactory(parent=sections["news.NewsIndexPage"]))
    ids = {item["id"] for item in client.get(f"/api/v2/pages/?campaign={campaign.pk}").json()["items"]}
    assert ids == {note.pk, event.pk}
    typed = client.get(f"/api/v2/pages/?type=news.NewsPage&campaign={campaign.pk}").json()["items"]
    assert [item["id"] for item in typed] == [note.pk]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("campaign=abc", "positive integer"),
        ("campaign=%C2%B2", "positive integer"),
        ("campaign=999999", "not a published campaign"),
        ("type=news.SpeechPage&campaign={pk}", "needs type="),
    ],
)
def test_bad_campaign_filters_are_json_400(campaign, client, query, message):
    response = client.get("/api/v2/pages/?" + query.format(pk=campaign.pk))
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_a_draft_campaign_cannot_be_used_as_a_filter(site_tree, campaign, client):
    campaign.unpublish()
    response = client.get(f"/api/v2/pages/?campaign={campaign.pk}")
    assert response.status_code == 400


def test_a_screen_can_show_its_campaigns_notes(site_tree, campaign, client):
    from tests.factories import ScreenFactory

    sections = site_tree["sections"]
    ours = publish(NewsPageFactory(parent=sections["news.NewsIndexPage"], campaign=campaign, title="De la campaña"))
    publish(NewsPageFactory(parent=sections["news.NewsIndexPage"], show_on_screens=True, title="Otra nota"))
    screen = ScreenFactory(campaign=campaign, show_events=False)
    slides = client.get(f"/api/v2/screens/{screen.slug}/").json()["slides"]
    assert [slide["id"] for slide in slides] == [ours.pk]
    general = ScreenFactory(show_events=False)
    assert [s["headline"] for s in client.get(f"/api/v2/screens/{general.slug}/").json()["slides"]] == ["Otra nota"]
