"""total_count of a search listing counts public pages only (issue 15 audit)."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory, publish


def test_search_total_count_counts_only_public_pages(news_index, client):
    word = "Qoricancha"
    for number in range(2):
        publish(NewsPageFactory(parent=news_index, title=f"{word} pública {number}"))
    NewsPageFactory(parent=news_index, title=f"{word} borrador", live=False).save_revision()
    restricted = publish(NewsPageFactory(parent=news_index, title=f"{word} con clave"))
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    expired = publish(NewsPageFactory(parent=news_index, title=f"{word} vencida"))
    type(expired).objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    for url in (f"/api/v2/pages/?search={word}&limit=1", f"/api/v2/pages/?type=news.NewsPage&search={word}&limit=1"):
        body = client.get(url).json()
        assert body["meta"]["total_count"] == 2, url
        assert len(body["items"]) == 1
