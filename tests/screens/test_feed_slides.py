"""The feed's slides: press notes and upcoming activities, only live and public, fresh on publish."""

import datetime

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from screens.models import Screen
from tests.factories import (
    CivicEventPageFactory,
    ImageFactory,
    NewsPageFactory,
    ScreenFactory,
    png_bytes,
    publish,
)
from tests.screens.conftest import LIMA, feed_url

pytestmark = pytest.mark.django_db


def news(site_tree, **kwargs):
    kwargs.setdefault("show_on_screens", True)
    return publish(NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], live=False, **kwargs))


def event(site_tree, start, hours=2, **kwargs):
    kwargs.setdefault("show_on_screens", True)
    page = CivicEventPageFactory(
        parent=site_tree["sections"]["events.EventIndexPage"],
        live=False,
        start=start,
        end=start + datetime.timedelta(hours=hours),
        **kwargs,
    )
    return publish(page)


def slides(client, screen):
    response = client.get(feed_url(screen))
    assert response.status_code == 200, response.content
    return response.json()["slides"]


def test_press_notes_flagged_for_screens_newest_first(client, clock, site_tree):
    screen = ScreenFactory(show_events=False)
    older = news(site_tree, title="Nota antigua", date=datetime.datetime(2026, 6, 20, 9, tzinfo=LIMA))
    newer = news(site_tree, title="Nota con titular largo", screen_headline="Titular corto")
    news(site_tree, title="No va a pantallas", show_on_screens=False)
    NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], title="Borrador", live=False)

    result = slides(client, screen)

    assert [(s["type"], s["id"], s["headline"]) for s in result] == [
        ("news", newer.pk, "Titular corto"),
        ("news", older.pk, "Nota antigua"),
    ]
    assert result[1]["date"] == older.date.isoformat()


@pytest.mark.parametrize(
    ("orientation", "size"),
    [(Screen.Orientation.LANDSCAPE, (1920, 1080)), (Screen.Orientation.PORTRAIT, (1080, 1920))],
)
def test_images_are_rendered_for_the_screen_orientation(client, clock, site_tree, orientation, size):
    screen = ScreenFactory(orientation=orientation, show_events=False)
    photo = ImageFactory(file=ContentFile(png_bytes(1200, 900), name="plaza.png"))
    page = news(site_tree, main_image=photo)

    [slide] = slides(client, screen)

    image = slide["image"]
    assert image["alt"] == page.main_image.description
    assert image["url"].startswith("/media/images/") and image["url"].endswith(".webp")
    assert image["width"] / image["height"] == pytest.approx(size[0] / size[1], rel=0.01)  # the screen's shape


def test_private_and_unpublished_pages_never_reach_a_feed(client, clock, site_tree):
    screen = ScreenFactory()
    public = news(site_tree, title="Pública")
    private = news(site_tree, title="Privada")
    withdrawn = news(site_tree, title="Retirada")
    deleted = news(site_tree, title="Eliminada")
    assert {s["headline"] for s in slides(client, screen)} == {"Pública", "Privada", "Retirada", "Eliminada"}

    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    withdrawn.unpublish()
    deleted.delete()

    assert [s["headline"] for s in slides(client, screen)] == [public.title]


def test_publishing_refreshes_the_cached_feed_at_once(client, clock, site_tree):
    screen = ScreenFactory()
    first = client.get(feed_url(screen))
    assert first.json()["slides"] == []

    page = news(site_tree, title="Recién publicada")
    second = client.get(feed_url(screen), HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert [s["headline"] for s in second.json()["slides"]] == ["Recién publicada"]

    page.title = "Recién publicada (corregida)"
    page.save_revision().publish()
    third = client.get(feed_url(screen), HTTP_IF_NONE_MATCH=second["ETag"])
    assert [s["headline"] for s in third.json()["slides"]] == ["Recién publicada (corregida)"]


def test_upcoming_activities_of_today_and_the_week(client, clock, site_tree):
    screen = ScreenFactory(show_news=False)
    now = datetime.datetime(2026, 6, 24, 10, tzinfo=LIMA)  # the frozen clock
    started = event(site_tree, now - datetime.timedelta(hours=1), title="En curso")
    tonight = event(site_tree, now.replace(hour=19), title="Esta noche", screen_headline="Serenata al Cusco")
    sunday = event(
        site_tree,
        datetime.datetime(2026, 6, 30, 23, tzinfo=LIMA),
        title="Último día de la ventana",
        status="postergado",
        status_reason="Por lluvias",
    )
    event(site_tree, datetime.datetime(2026, 7, 1, 0, 30, tzinfo=LIMA), title="Fuera de la semana")
    event(site_tree, now - datetime.timedelta(hours=3), title="Terminada")
    event(site_tree, now.replace(hour=12), title="No va a pantallas", show_on_screens=False)

    result = slides(client, screen)

    assert [(s["id"], s["headline"]) for s in result] == [
        (started.pk, "En curso"),
        (tonight.pk, "Serenata al Cusco"),
        (sunday.pk, "Último día de la ventana"),
    ]
    assert result[2] == {
        "type": "event",
        "id": sunday.pk,
        "headline": "Último día de la ventana",
        "start": sunday.start.isoformat(),
        "end": sunday.end.isoformat(),
        "all_day": False,
        "place": "Plaza de Armas del Cusco",
        "status": "postergado",
        "status_label": "Postergado",
        "status_reason": "Por lluvias",
        "locale": "es",
    }
    assert "protocol_notes" not in str(result)


def test_finished_activity_leaves_the_feed_by_itself(client, clock, site_tree):
    screen = ScreenFactory(show_news=False)
    ceremony = event(site_tree, datetime.datetime(2026, 6, 24, 9, 1, tzinfo=LIMA), hours=1)
    assert [s["id"] for s in slides(client, screen)] == [ceremony.pk]

    clock.move_to(ceremony.end + datetime.timedelta(seconds=1))

    assert slides(client, screen) == []


def test_news_and_activities_alternate_up_to_the_screen_items(client, clock, site_tree):
    screen = ScreenFactory(items=3)
    notes = [news(site_tree, date=datetime.datetime(2026, 6, 24 - n, 8, tzinfo=LIMA)) for n in range(3)]
    events = [event(site_tree, datetime.datetime(2026, 6, 25 + n, 9, tzinfo=LIMA)) for n in range(3)]

    result = slides(client, screen)

    assert [(s["type"], s["id"]) for s in result] == [
        ("news", notes[0].pk),
        ("event", events[0].pk),
        ("news", notes[1].pk),
    ]


def test_building_a_feed_costs_the_same_queries_whatever_its_length(client, clock, site_tree):
    def queries_for(screen):
        client.get(feed_url(screen))  # renditions are generated on the first build
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(feed_url(screen)).status_code == 200
        return len(captured)

    screen = ScreenFactory(items=30)
    news(site_tree)
    event(site_tree, datetime.datetime(2026, 6, 25, 9, tzinfo=LIMA))
    short = queries_for(screen)
    for day in range(5):
        news(site_tree)
        event(site_tree, datetime.datetime(2026, 6, 26, 9 + day, tzinfo=LIMA))
    assert len(slides(client, screen)) == 12

    assert queries_for(screen) == short
