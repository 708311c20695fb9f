"""Which singular/plural pairs of search.stemming_pairs the selected backends fail to conflate."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from wagtail.search.backends import get_search_backend

from search.stemming_pairs import PAIRS, engine_matcher, missed, postgresql_matcher, sqlite_matcher


class Command(BaseCommand):
    help = "Cuenta los pares singular/plural que la búsqueda no une, en el motor y en la base de datos."

    def handle(self, *args, **options):
        logging.getLogger("elastic_transport").setLevel(logging.WARNING)  # one request per word otherwise
        matchers = {}
        if settings.SEARCH_BACKEND in settings.SEARCH_ENGINES:
            matchers[settings.SEARCH_BACKEND] = engine_matcher(get_search_backend(), settings.SEARCH_INDEX_SETTINGS)
        if connection.vendor == "postgresql":
            matchers["postgresql"] = postgresql_matcher(connection, settings.DATABASE_SEARCH["SEARCH_CONFIG"])
        else:
            matchers["sqlite"] = sqlite_matcher()
        for name, matcher in matchers.items():
            gaps = missed(matcher)
            listed = ", ".join(f"{singular}/{plural}" for singular, plural in gaps) or "none"
            self.stdout.write(
                f"{name}: {len(PAIRS) - len(gaps)} of {len(PAIRS)} pairs found; missed {len(gaps)}: {listed}"
            )
