"""python manage.py import_wordpress EXPORT.xml [--uploads DIR] [--dry-run] [--user U] [--map-category S=T] …"""

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from importers.wordpress.importer import run_import
from importers.wordpress.targets import parse_category_map
from importers.wordpress.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Importa una exportación de WordPress (Herramientas → Exportar, archivo WXR): entradas como notas de "
        "prensa (o discursos/publicaciones con --map-category), sus imágenes y documentos desde una copia de "
        "wp-content/uploads, y redirecciones permanentes desde las direcciones antiguas. Se puede repetir: "
        "actualiza lo que cambió y no duplica."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="Archivo XML exportado por WordPress (WXR 1.0, 1.1 o 1.2).")
        parser.add_argument("--uploads", help="Copia de la carpeta wp-content/uploads del sitio antiguo.")
        parser.add_argument("--dry-run", action="store_true", help="Simular: no escribe nada, muestra el informe.")
        parser.add_argument(
            "--user", help="Usuario que realiza la importación (autor de lo que no tiene usuario equivalente)."
        )
        parser.add_argument(
            "--map-category",
            action="append",
            default=[],
            metavar="SLUG=TIPO",
            help="Enviar una categoría de WordPress a otro tipo: speech (discursos) o bulletin (publicaciones). "
            "Se puede repetir.",
        )
        parser.add_argument("--report", help="Escribir también el informe como JSON en este archivo.")

    def handle(self, *args, **options):
        try:
            category_map = parse_category_map(options["map_category"])
        except ValueError as error:
            raise CommandError(
                f"--map-category {error}: se espera SLUG=TIPO, con TIPO news, speech o bulletin"
            ) from error
        user = self.import_user(options["user"])
        try:
            report = run_import(
                options["export"],
                uploads=options["uploads"],
                dry_run=options["dry_run"],
                user=user,
                category_map=category_map,
                progress_stream=sys.stderr,
            )
        except WXRError as error:
            raise CommandError(
                f"No se importó nada: {options['export']} no es una exportación válida ({error})."
            ) from error
        for line in report.lines():
            self.stdout.write(line)
        if options["report"]:
            report.write_json(options["report"])
            self.stdout.write(f"Informe JSON: {options['report']}")

    def import_user(self, username):
        users = get_user_model().objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(f"--user {username}: no existe un usuario activo con ese nombre.")
            return user
        return users.filter(is_superuser=True).order_by("pk").first()
