"""gunicorn.conf.py, which every `gunicorn cms.wsgi:application` started in the project reads."""

import gc
import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_a_worker_freezes_what_the_application_loaded():
    hooks = runpy.run_path(str(CONF))
    hooks["post_fork"](None, None)  # glibc here: sets two malloc arenas, must not raise
    try:
        hooks["post_worker_init"](None)
        assert gc.get_freeze_count() > 10_000  # Django, Wagtail and our modules: out of every collection
    finally:
        gc.unfreeze()
