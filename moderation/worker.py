"""What `manage.py worker` does on each tick: scheduled publishing, due tasks, extra jobs.

Each step runs on its own: an exception in one is logged and the others still run,
and the next tick tries again.
"""

import io
import logging
import os
import socket

from django.conf import settings
from django.core.management import call_command
from django.utils.module_loading import import_string
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

logger = logging.getLogger("moderation.worker")


def worker_id():
    return f"{socket.gethostname()[:40]}-{os.getpid()}"


def run_scheduled_publishing():
    """Wagtail's go-live and expiry for pages and draftable snippets (logged as *.scheduled)."""
    call_command("publish_scheduled", stdout=io.StringIO())


def database_backend_aliases():
    return [alias for alias in settings.TASKS if isinstance(task_backends[alias], DatabaseBackend)]


def run_due_tasks():
    """Run every ready task of the database queues once (django-tasks-db's worker in batch mode)."""
    for alias in database_backend_aliases():
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name=alias,
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id(),
        ).run()


def run_jobs():
    """The callables listed in settings.WORKER_JOBS (dotted paths), each on its own."""
    failed = []
    for dotted_path in getattr(settings, "WORKER_JOBS", []):
        try:
            import_string(dotted_path)()
        except Exception:
            logger.exception("Worker job %s failed", dotted_path)
            failed.append(dotted_path)
    return failed


STEPS = [
    ("scheduled publishing", run_scheduled_publishing),
    ("background tasks", run_due_tasks),
]


def tick():
    """One pass over the due work. Returns the names of the steps or jobs that failed."""
    failed = []
    for name, step in STEPS:
        try:
            step()
        except Exception:
            logger.exception("Worker step %r failed", name)
            failed.append(name)
    failed += run_jobs()
    return failed
