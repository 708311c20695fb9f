"""Fixtures for driving the admin as a Redactor and as two Directors."""

import datetime

import pytest
from django.utils import timezone

from screens.models import Alert
from tests.factories import NewsPageFactory
from tests.moderation.helpers import draft_news, login


@pytest.fixture
def as_redactor(redactor):
    return login(redactor)


@pytest.fixture
def as_director(director):
    return login(director)


@pytest.fixture
def as_director2(director2):
    return login(director2)


@pytest.fixture
def news_index(site_tree):
    return site_tree["sections"]["news.NewsIndexPage"]


@pytest.fixture
def draft(news_index, redactor):
    return draft_news(news_index, redactor)


@pytest.fixture
def live_news(news_index, director2):
    page = NewsPageFactory(parent=news_index, title="Nota publicada", live=False, main_image=None)
    page.save_revision(user=director2).publish(user=director2)
    page.refresh_from_db()
    return page


@pytest.fixture
def alert_draft(redactor):
    now = timezone.now()
    alert = Alert(
        title="Corte de agua", message="Sin servicio en el Centro Histórico.", ends_at=now + datetime.timedelta(days=1)
    )
    alert.live = False
    alert.save()
    alert.save_revision(user=redactor)
    return alert


@pytest.fixture
def live_alert(director2):
    now = timezone.now()
    alert = Alert(title="Desfile cívico", message="Cierre de calles.", ends_at=now + datetime.timedelta(days=1))
    alert.save()
    alert.save_revision(user=director2).publish(user=director2)
    alert.refresh_from_db()
    return alert
