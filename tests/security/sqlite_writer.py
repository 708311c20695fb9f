"""One writer process against a SQLite file: an editor publishing notes or the worker's passes.

Run by tests/security/test_sqlite_faults.py three at a time; prints how many notes it published.
Exits non-zero (with the traceback) on any error, e.g. "database is locked".
"""

import os
import sys


def main(path, role):
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ["SQLITE_BUSY_TIMEOUT"] = "30"
    import django

    django.setup()
    from django.conf import settings
    from django.db import transaction
    from wagtail.models import Page

    from moderation.worker import tick
    from publishing.models import WebhookEndpoint
    from tests.factories import NewsPageFactory

    count = 0
    if role == "worker":  # roles: "worker", or an editor's name
        WebhookEndpoint.objects.get_or_create(name="Sitio", url="http://127.0.0.1:9/hook")
        for _ in range(15):
            failed = tick()
            if failed:
                raise SystemExit(f"worker steps failed: {failed}")
    else:
        parent = Page.objects.filter(
            url_path__endswith="/notas-de-prensa/", locale__language_code=settings.LANGUAGE_CODE
        ).first()
        for number in range(15):
            with transaction.atomic():  # as the admin's write views run (publishing middleware)
                title = f"Nota de prensa {role} {number}"  # two editors at once: slugs of their own
                page = NewsPageFactory(parent=Page.objects.get(pk=parent.pk), title=title, main_image=None)
                page.save_revision().publish()
            count += 1
    print(count)


if __name__ == "__main__":
    main(*sys.argv[1:3])
