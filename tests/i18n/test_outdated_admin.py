"""The admin flags a translation as "desactualizada" once its source page changed after the last
sync: in the page listing (explorer) and in the translation editor, with a way to sync."""

import pytest
from django.urls import reverse

from cms.localize import translate_page
from tests.factories import NewsPageFactory
from tests.moderation.helpers import login

pytestmark = pytest.mark.django_db

TITLE = "Cierre de calles por el Inti Raymi"
FLAG = "data-translation-outdated"
MESSAGE = "Traducción desactualizada"


@pytest.fixture
def pages(site_tree, director2):
    source = NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], title=TITLE, live=False)
    source.save_revision(user=director2).publish(user=director2)
    source.refresh_from_db()
    quechua = translate_page(source, "qu", {TITLE: "Inti Raymipaq ñankuna wisq'asqa"}, publish=False)
    return source, quechua


def listing(client, page):
    response = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    assert response.status_code == 200
    return response.content.decode()


def editor(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_synced_translation_is_not_flagged(pages, redactor):
    _source, quechua = pages
    client = login(redactor)
    assert FLAG not in listing(client, quechua)
    assert MESSAGE not in editor(client, quechua)


def test_a_change_to_the_source_flags_the_translation_until_it_is_synced(pages, redactor, director2):
    source, quechua = pages
    source.lead = "Nuevos cierres desde el 20 de junio."
    source.save_revision(user=director2).publish(user=director2)
    client = login(redactor)

    page_listing = listing(client, quechua)
    assert page_listing.count(FLAG) == 1 and "desactualizada" in page_listing
    page_editor = editor(client, quechua)
    assert MESSAGE in page_editor
    sync_url = reverse("wagtail_localize:update_translations", args=[quechua_source_id(quechua)])
    assert sync_url in page_editor
    # The Spanish source itself is never flagged.
    assert FLAG not in listing(client, source)

    # Syncing (as the Redactor: into a draft, never published) clears the flag.
    response = client.post(sync_url, {})
    assert response.status_code == 302, response.content[:2000]
    assert FLAG not in listing(client, quechua)
    assert MESSAGE not in editor(client, quechua)
    quechua.refresh_from_db()
    assert not quechua.live


def quechua_source_id(page):
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.get(object_id=page.translation_key).pk


def test_the_flag_costs_the_explorer_no_query(site_tree, pages, redactor, director2, monkeypatch):
    """The flag is a subquery of the listing's own query: with several outdated translations listed,
    the explorer runs as many queries as without the flag."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail import hooks

    from moderation.translations import annotate_outdated

    for number in range(3):
        title = f"Nota {number}"
        extra = NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], title=title, live=False)
        extra.save_revision(user=director2).publish(user=director2)
        translate_page(extra, "qu", {title: f"Willakuy {number}"}, publish=False)
        extra.save_revision(user=director2).publish(user=director2)  # outdated
    _source, quechua = pages
    client = login(redactor)
    assert listing(client, quechua).count(FLAG) == 3
    with CaptureQueriesContext(connection) as flagged:
        listing(client, quechua)

    name = "construct_explorer_page_queryset"
    monkeypatch.setitem(hooks._hooks, name, [e for e in hooks._hooks[name] if e[0] is not annotate_outdated])
    assert FLAG not in listing(client, quechua)
    with CaptureQueriesContext(connection) as plain:
        listing(client, quechua)
    assert len(flagged) == len(plain)
