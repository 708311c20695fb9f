"""manage.py restore DIR: replace the database and the media files with a backup (stop the app first)."""

from django.core.management.base import BaseCommand, CommandError

from cms.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restaura una copia de seguridad (reemplaza la base de datos y los archivos subidos)."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Directorio de la copia (escrito por manage.py backup).")

    def handle(self, *args, directory, **options):
        try:
            manifest = restore(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored {directory} ({manifest['engine']}, {manifest['created_at']})")
