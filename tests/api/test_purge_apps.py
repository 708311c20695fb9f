"""CDN purge of the apps' feeds: press notes purge the RSS, activities the calendar and ICS."""

from tests.api import purge_backend
from tests.factories import CivicEventPageFactory, NewsPageFactory, publish

BASE = "http://testserver"
RSS = f"{BASE}/feeds/noticias/"
ICS = f"{BASE}/api/v2/calendar.ics"
CALENDAR = f"{BASE}/api/v2/calendar/"


def test_publishing_and_unpublishing_a_press_note_purges_the_rss(
    news_index, recording_cdn, django_capture_on_commit_callbacks
):
    page = NewsPageFactory(parent=news_index, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert RSS in recording_cdn
    assert ICS not in recording_cdn and CALENDAR not in recording_cdn

    recording_cdn.clear()
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert RSS in recording_cdn


def test_an_activity_purges_the_ics_and_the_calendar_not_the_rss(
    site_tree, recording_cdn, django_capture_on_commit_callbacks
):
    page = CivicEventPageFactory(parent=site_tree["sections"]["events.EventIndexPage"], live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert ICS in recording_cdn and CALENDAR in recording_cdn
    assert RSS not in recording_cdn

    recording_cdn.clear()
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert ICS in recording_cdn


def test_nothing_is_purged_without_a_cdn(news_index, django_capture_on_commit_callbacks):
    purge_backend.PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(NewsPageFactory(parent=news_index, live=False))
    assert purge_backend.PURGED == []
