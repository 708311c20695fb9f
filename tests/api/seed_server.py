"""Seed a small, realistic data set for the contract test (schemathesis) and the benchmark.

    DJANGO_SETTINGS_MODULE=settings.test python -m tests.api.seed_server [news_count]

Needs a migrated, bootstrapped database. Includes what must never show: a draft, a
view-restricted page, an event's protocol notes and an image in a private collection; the
demo civic calendar (recurring, cancelled and moved occurrences) and the demo screen
``palacio-municipal`` so that the calendar, ICS and screens endpoints have data.
"""

import sys

import django


def seed(news_count=25):
    import io

    from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

    from cms.bootstrap import bootstrap
    from cms.demo import seed_people
    from events.demo import seed_events
    from screens.demo import seed_screens
    from tests.api.conftest import rich_body
    from tests.factories import (
        BulletinPageFactory,
        CategoryFactory,
        CivicEventPageFactory,
        DocumentFactory,
        ImageFactory,
        NewsPageFactory,
        PersonFactory,
        SpeechPageFactory,
        publish,
    )

    sections = bootstrap()["sections"]
    news_index = sections["news.NewsIndexPage"]
    category = CategoryFactory(name="Cultura", slug="cultura")
    mayor = PersonFactory(name="Alcalde del Cusco", role="alcalde", photo=ImageFactory())
    document = DocumentFactory()
    event = publish(
        CivicEventPageFactory(parent=sections["events.EventIndexPage"], protocol_notes="Interno: no publicar")
    )
    target = publish(NewsPageFactory(parent=news_index, title="Nota enlazada"))
    for number in range(news_count):
        page = NewsPageFactory(
            parent=news_index, title=f"Nota {number}", body=rich_body(target, document, ImageFactory())
        )
        page.categories.add(category)
        page.related_people.add(mayor)
        page.save()
        publish(page)
    publish(SpeechPageFactory(parent=sections["news.SpeechIndexPage"], speaker=mayor, occasion=event, pdf=document))
    publish(BulletinPageFactory(parent=sections["news.BulletinIndexPage"], cover_image=ImageFactory()))
    NewsPageFactory(parent=news_index, title="Borrador", live=False)
    restricted = publish(NewsPageFactory(parent=news_index, title="Con clave"))
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="clave")
    private = Collection.get_first_root_node().add_child(name="Privada")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    ImageFactory(collection=private, title="Privada")
    seed_events(sections, seed_people(), io.StringIO())
    seed_screens(io.StringIO())


if __name__ == "__main__":
    django.setup()
    seed(int(sys.argv[1]) if len(sys.argv) > 1 else 25)
