"""manage.py backup [DIR]: the database and the media files into DIR (default var/backups/<UTC time>)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.backups import BackupError, backup


class Command(BaseCommand):
    help = "Copia de seguridad de la base de datos y de los archivos subidos."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", help="Directorio nuevo donde escribir la copia.")

    def handle(self, *args, directory=None, **options):
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        directory = directory or str(settings.VAR_DIR / "backups" / stamp)
        try:
            manifest = backup(directory)
        except (BackupError, FileExistsError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{directory} ({manifest['engine']})")
