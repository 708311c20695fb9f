from django.core.management.base import BaseCommand

from cms.bootstrap import bootstrap


class Command(BaseCommand):
    help = "Crea (o repara) el sitio, el árbol de páginas, los idiomas y los grupos. Idempotente."

    def handle(self, *args, **options):
        result = bootstrap()
        self.stdout.write(
            self.style.SUCCESS(
                f"Sitio «{result['site'].site_name}» listo: {len(result['sections'])} secciones, "
                f"{len(result['locales'])} idiomas, grupos: {', '.join(result['groups'])}."
            )
        )
