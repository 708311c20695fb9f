import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache

LIMA = ZoneInfo("America/Lima")
# A Wednesday morning in Cusco: inside the default Monday-to-Friday, 07:00-20:00 window.
WEDNESDAY_10AM = datetime.datetime(2026, 6, 24, 10, 0, tzinfo=LIMA)


@pytest.fixture(autouse=True)
def empty_cache():
    """Feeds are cached by content version; database ids restart between tests, so start empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock():
    """Frozen time, moved explicitly with clock.move_to(...) or clock.shift(...)."""
    with time_machine.travel(WEDNESDAY_10AM, tick=False) as traveller:
        yield traveller


def feed_url(screen):
    return f"/api/v2/screens/{screen.slug}/"
