"""Print the OpenAPI document of the public API (used to refresh the committed snapshot):

DJANGO_SETTINGS_MODULE=settings.test python manage.py api_schema > tests/api/openapi.snapshot.json
"""

import json

from django.core.management.base import BaseCommand

from cms.api.schema.builder import build_schema


class Command(BaseCommand):
    help = "Imprime el documento OpenAPI de la API pública."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(build_schema(), indent=2, sort_keys=True, ensure_ascii=False))
