"""ETag/304, Cache-Control, the server cache and its invalidation across processes.

Every test runs on the local-memory cache and on a real Redis (REDIS_TEST_URL; tests/cache_backends.py)."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from cms.api.models import ContentGeneration
from tests.cache_backends import stored_keys
from tests.factories import NewsPageFactory, publish

pytestmark = pytest.mark.usefixtures("cache_backend")

LISTING = "/api/v2/pages/?type=news.NewsPage&fields=*"


def ids(client, url=LISTING):
    return [item["id"] for item in client.get(url).json()["items"]]


def test_headers_etag_and_304(make_news, client):
    page = make_news(1)[0]
    for url in (LISTING, f"/api/v2/pages/{page.pk}/", "/api/v2/images/", "/api/schema/"):
        response = client.get(url)
        assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300", url
        assert response["ETag"].startswith('"'), url
    # A 4xx is cached briefly (CDN) and never kept in the server cache (issue 15).
    missing = client.get("/api/v2/pages/99999/")
    assert missing.status_code == 404
    assert missing["Cache-Control"] == "public, max-age=10, stale-while-revalidate=0"
    assert missing["ETag"].startswith('"')
    response = client.get(LISTING)
    again = client.get(LISTING, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == response["ETag"] and again["Cache-Control"]
    assert client.get(LISTING, HTTP_IF_NONE_MATCH='"other", ' + response["ETag"]).status_code == 304
    assert client.get(LISTING, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    assert client.head(LISTING)["ETag"] == response["ETag"]


def test_last_modified_follows_the_content_generation(make_news, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_news(1)
    assert ContentGeneration.objects.get().changed_at is not None
    assert client.get(LISTING)["Last-Modified"].endswith("GMT")


def test_publish_unpublish_move_delete_refresh_at_once(
    news_index, site_tree, client, django_capture_on_commit_callbacks
):
    def commit(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()

    first = publish(NewsPageFactory(parent=news_index))
    etag = client.get(LISTING)["ETag"]
    detail = f"/api/v2/pages/{first.pk}/"
    assert client.get(detail).status_code == 200
    assert client.get(f"/api/v2/resolve/?path=/notas-de-prensa/{first.slug}/").status_code == 200

    second = NewsPageFactory(parent=news_index, live=False)
    commit(lambda: second.save_revision().publish())
    fresh = client.get(LISTING)
    assert second.pk in [item["id"] for item in fresh.json()["items"]]
    assert client.get(LISTING, HTTP_IF_NONE_MATCH=etag).status_code == 200  # old ETag no longer matches

    second.refresh_from_db()
    commit(second.unpublish)
    assert ids(client) == [first.pk]

    speeches = site_tree["sections"]["news.SpeechIndexPage"]
    commit(lambda: first.move(speeches, pos="last-child"))
    assert client.get(f"/api/v2/resolve/?path=/notas-de-prensa/{first.slug}/").status_code == 404
    assert client.get(f"/api/v2/resolve/?path=/discursos/{first.slug}/").json()["id"] == first.pk

    commit(first.delete)
    assert client.get(detail).status_code == 404
    assert ids(client) == []


def test_image_change_refreshes_pages_that_show_it(make_news, client, django_capture_on_commit_callbacks):
    page = make_news(1)[0]
    url = f"/api/v2/pages/{page.pk}/"
    assert client.get(url).json()["main_image"]["title"] != "Nuevo título"
    with django_capture_on_commit_callbacks(execute=True):
        page.main_image.title = "Nuevo título"
        page.main_image.save()
    assert client.get(url).json()["main_image"]["title"] == "Nuevo título"


def test_another_process_bump_is_seen_without_sharing_the_cache(make_news, client):
    """Workers each keep a locmem cache (or share Redis); a bump by another worker (a row update)
    must be enough for this one to stop serving its cached copy."""
    page = make_news(1)[0]
    url = f"/api/v2/pages/{page.pk}/"
    before = client.get(url)
    type(page).objects.filter(pk=page.pk).update(title="Cambiado por otro proceso")
    assert client.get(url).content == before.content  # still this process's cached copy
    ContentGeneration.objects.update_or_create(pk=1, defaults={"value": 99})  # what the other worker's signal does
    assert client.get(url).json()["title"] == "Cambiado por otro proceso"


def test_a_scheduled_expiry_refreshes_without_any_signal(news_index, client, django_capture_on_commit_callbacks):
    expire_at = timezone.now() + datetime.timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(NewsPageFactory(parent=news_index, expire_at=expire_at))
    assert ContentGeneration.objects.get().next_change_at == expire_at
    assert ids(client) == [page.pk]
    with time_machine.travel(expire_at + datetime.timedelta(seconds=1)):
        assert ids(client) == []  # the worker has not unpublished it yet; the API already hides it
    assert ContentGeneration.objects.get().next_change_at is None


def test_publish_purges_detail_listings_and_resolve_from_the_cdn(
    news_index, recording_cdn, django_capture_on_commit_callbacks
):
    page = NewsPageFactory(parent=news_index, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    base = "http://testserver/api/v2"
    for url in (
        f"{base}/pages/{page.pk}/",
        f"{base}/pages/",
        f"{base}/pages/?type=news.NewsPage",
        f"{base}/pages/?type=news.NewsPage&locale=es",
        f"{base}/pages/?child_of={news_index.pk}",
        f"{base}/resolve/?path=%2Fnotas-de-prensa%2F{page.slug}%2F",
    ):
        assert url in recording_cdn, (url, recording_cdn)


def test_server_cache_holds_rendered_responses(make_news, client):
    make_news(1)
    assert stored_keys(cache, "cms_api:r:*") == []
    client.get(LISTING)
    assert len(stored_keys(cache, "cms_api:r:*")) == 1  # the stored entry, in the cache the settings name


def test_cors_allowlist(make_news, client):
    make_news(1)
    allowed = client.get(LISTING, HTTP_ORIGIN="http://localhost:3000")
    assert allowed["Access-Control-Allow-Origin"] == "http://localhost:3000"
    refused = client.get(LISTING, HTTP_ORIGIN="https://otro-sitio.example")
    assert "Access-Control-Allow-Origin" not in refused


def test_the_generation_read_in_plain_sql_is_the_rows(db):
    """cms.api.cache reads the row without the ORM (every request does): same values, aware datetimes."""
    from cms.api.cache import current_generation

    changed = timezone.now().replace(microsecond=123456)
    ContentGeneration.objects.update_or_create(
        pk=1, defaults={"value": 41, "changed_at": changed, "next_change_at": changed + datetime.timedelta(days=2)}
    )
    generation = current_generation()
    row = ContentGeneration.objects.get(pk=1)
    assert (generation.value, generation.changed_at, generation.next_change_at) == (
        41,
        row.changed_at,
        row.next_change_at,
    )
    assert generation.changed_at == changed and timezone.is_aware(generation.next_change_at)


def test_one_at_a_time_builds_a_missed_entry_once_for_threads_that_wait(db):
    """The calendar and the ICS: threads missing the same entry wait for the first one's build."""
    import threading
    import time

    from django.db import connection
    from django.http import HttpResponse
    from django.test import RequestFactory

    from cms.api.cache import cached_public_response, current_generation

    current_generation()  # the generation row exists before the threads read it
    cache.clear()
    builds, started, release = [], threading.Event(), threading.Event()

    def slow_view(request):
        builds.append(threading.current_thread().name)
        started.set()
        release.wait(5)
        return HttpResponse(b"BEGIN:VCALENDAR", content_type="text/calendar")

    view = cached_public_response(slow_view, one_at_a_time=True)
    answers = []

    def ask():
        try:
            answers.append(view(RequestFactory().get("/api/v2/calendar.ics")))
        finally:
            connection.close()  # each thread has its own connection

    first = threading.Thread(target=ask, name="first")
    first.start()
    assert started.wait(5)
    others = [threading.Thread(target=ask, name=f"other-{n}") for n in range(3)]
    for thread in others:
        thread.start()
    time.sleep(0.5)  # let them reach the cache and miss too (without one_at_a_time, each builds)
    release.set()
    for thread in (first, *others):
        thread.join(10)
    assert builds == ["first"]
    assert [answer.status_code for answer in answers] == [200] * 4
    assert {answer.content for answer in answers} == {b"BEGIN:VCALENDAR"}
    assert len({answer["ETag"] for answer in answers}) == 1
