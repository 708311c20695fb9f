import logging
import signal
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from moderation.worker import tick

logger = logging.getLogger("moderation.worker")


class Command(BaseCommand):
    help = (
        "Publicación programada (entrada en línea y caducidad), tareas en segundo plano y los trabajos "
        "de settings.WORKER_JOBS, cada --interval segundos. --once hace lo pendiente y termina."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Hace el trabajo pendiente una vez y termina.")
        parser.add_argument("--interval", type=float, default=60, help="Segundos entre pasadas (60 por defecto).")

    def handle(self, *args, once=False, interval=60, **options):
        self.verbosity = options.get("verbosity", 1)
        if interval <= 0:
            raise CommandError("--interval debe ser mayor que cero.")
        if once:
            failed = tick()
            if failed:  # exit status 1, for whoever runs it from a scheduler
                raise CommandError(f"Pasada con errores: {', '.join(failed)}")
            self._report(failed)
            return
        stop = threading.Event()

        def request_stop(signum, frame):
            logger.info("Worker received %s: stopping after the current pass", signal.Signals(signum).name)
            stop.set()

        previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        logger.info("Worker started: one pass every %s s", interval)
        try:
            while not stop.is_set():
                close_old_connections()  # like a request: drop connections that went stale while sleeping
                self._report(tick())
                stop.wait(interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        logger.info("Worker stopped")

    def _report(self, failed):
        if failed:
            self.stderr.write(f"Pasada con errores: {', '.join(failed)}")
        elif self.verbosity > 1:
            self.stdout.write("Pasada completa.")
