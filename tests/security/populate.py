"""Content in a database of its own (tests/security/isolated.py), from a process of its own:
``python -m tests.security.populate ACTION [ARGS]`` with DATABASE_URL and MEDIA_ROOT set; prints JSON.

- ``content``: a published press note with its main image, a document, a display screen, the mayor,
  a published bulletin with its PDF.
- ``note``: one more published press note, with a new image (no renditions made yet).
- ``snapshot``: what a backup must bring back (pages, revisions, images, documents, screens,
  users, interview requests).
- ``damage``: what an accident does (a title changed, a document row and a screen deleted).
"""

import json
import sys


def spanish_section(slug):
    """The Spanish section index (bootstrap translates every section into qu and en too)."""
    from django.conf import settings
    from wagtail.models import Page

    return Page.objects.get(url_path__endswith=f"/{slug}/", locale__language_code=settings.LANGUAGE_CODE)


def content():

    from cms.models import Person
    from tests.factories import (
        BulletinPageFactory,
        DocumentFactory,
        NewsPageFactory,
        PersonFactory,
        ScreenFactory,
        publish,
    )

    parent = spanish_section("notas-de-prensa")
    note = publish(NewsPageFactory(parent=parent, title="Nota respaldada"))
    document = DocumentFactory(title="Acta de la sesión")
    screen = ScreenFactory(slug="plaza-regocijo")
    mayor = PersonFactory(name="Alcalde de Prueba", role=Person.Role.ALCALDE)
    bulletin = publish(BulletinPageFactory(parent=spanish_section("publicaciones"), title="Boletín respaldado"))
    return {
        "bulletin": bulletin.pk,
        "note": note.pk,
        "parent": parent.pk,
        "document": document.pk,
        "screen": screen.slug,
        "person": mayor.pk,
    }


def note():

    from tests.factories import NewsPageFactory, publish

    parent = spanish_section("notas-de-prensa")
    return {"note": publish(NewsPageFactory(parent=parent, title="Nota con foto nueva")).pk}


def snapshot():
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    from media_relations.models import InterviewRequest
    from screens.models import Screen

    return {
        "interview_requests": InterviewRequest.objects.count(),
        "pages": [list(row) for row in Page.objects.order_by("pk").values_list("pk", "title", "live", "url_path")],
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", "object_id")),
        "images": [list(row) for row in get_image_model().objects.order_by("pk").values_list("pk", "title", "file")],
        "documents": [
            list(row) for row in get_document_model().objects.order_by("pk").values_list("pk", "title", "file")
        ],
        "screens": list(Screen.objects.order_by("pk").values_list("slug", flat=True)),
        "users": list(get_user_model().objects.order_by("pk").values_list("username", flat=True)),
    }


def damage():
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from screens.models import Screen

    changed = Page.objects.filter(title="Nota respaldada").update(title="Borrado por error")
    deleted = get_document_model().objects.filter(title="Acta de la sesión")._raw_delete("default")
    Screen.objects.all().delete()
    return {"changed": changed, "deleted": deleted}


ACTIONS = {"content": content, "note": note, "snapshot": snapshot, "damage": damage}


def main(action):
    import django

    django.setup()
    print(json.dumps(ACTIONS[action](), default=str))


if __name__ == "__main__":
    main(sys.argv[1])
