"""`manage.py worker`: scheduled publishing, due background tasks and WORKER_JOBS, each tick."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from moderation.worker import tick

BASE_DIR = Path(__file__).resolve().parents[2]
CALLS = []


def recording_job():
    CALLS.append("recording_job")


def failing_job():
    CALLS.append("failing_job")
    raise RuntimeError("el servicio externo no respondió")


@task()
def record_task(value):
    CALLS.append(f"task:{value}")
    return value * 2


@pytest.fixture(autouse=True)
def _clear_calls():
    CALLS.clear()


JOBS = ["tests.moderation.test_worker.failing_job", "tests.moderation.test_worker.recording_job"]


@override_settings(WORKER_JOBS=JOBS)
def test_every_job_runs_and_one_failing_does_not_stop_the_others(db, caplog):
    failed = tick()
    assert CALLS == ["failing_job", "recording_job"]
    assert failed == ["tests.moderation.test_worker.failing_job"]
    assert "el servicio externo no respondió" in caplog.text


@override_settings(WORKER_JOBS=["tests.moderation.test_worker.no_such_job", *JOBS[1:]])
def test_an_unknown_job_path_is_logged_not_fatal(db, caplog):
    with pytest.raises(CommandError, match="no_such_job"):  # --once exits 1 after doing the rest
        call_command("worker", "--once")
    assert CALLS == ["recording_job"]
    assert "no_such_job" in caplog.text


def test_a_failing_step_does_not_stop_the_jobs(db, monkeypatch):
    def broken():
        raise RuntimeError("sin base de datos")

    monkeypatch.setattr("moderation.worker.STEPS", [("scheduled publishing", broken)])
    with override_settings(WORKER_JOBS=JOBS[1:]):
        assert tick() == ["scheduled publishing"]
    assert CALLS == ["recording_job"]


def test_interval_must_be_positive(db):
    with pytest.raises(CommandError):
        call_command("worker", "--interval", "0")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}, WORKER_JOBS=[])
def test_due_tasks_of_the_database_queue_run_once():
    result = record_task.enqueue(21)
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY
    call_command("worker", "--once")
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == 42
    assert CALLS == ["task:21"]
    call_command("worker", "--once")  # nothing due: it does not run again
    assert CALLS == ["task:21"]


def test_sigterm_stops_the_loop_cleanly(tmp_path):
    """A real process: it keeps going after a failing pass (no tables here) and exits 0 on SIGTERM."""
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "worker", "--interval", "60"],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(240):  # wait (up to 2 min on a busy machine) for the first pass to end
                if "Pasada con errores" in log.read_text() or process.poll() is not None:
                    break
                time.sleep(0.5)
            assert process.poll() is None, log.read_text()
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0, log.read_text()
        finally:
            if process.poll() is None:
                process.kill()
    text = log.read_text()
    assert "Worker received SIGTERM" in text and "Worker stopped" in text
