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


class Cycle:
    """An object only a reference cycle keeps: freed by a collection, never by reference counting."""

    def __init__(self):
        self.me = self


def test_garbage_in_cycles_is_collected_after_requests_django_answered():
    import weakref

    from cms.api.fastpath import REPLAYED

    hooks = runpy.run_path(str(CONF))
    assert hooks["REPLAYED"] == REPLAYED
    gc.disable()  # only the hook may collect here
    try:
        garbage = Cycle()
        alive = weakref.ref(garbage)
        del garbage
        hooks["post_request"](None, None, {REPLAYED: True}, None)  # a replayed copy: nothing to collect
        assert alive() is not None
        hooks["post_request"](None, None, {}, None)
        assert alive() is None
        garbage = Cycle()
        alive = weakref.ref(garbage)
        del garbage
        hooks["post_request"](None, None, {}, None)  # within COLLECT_EVERY of the last pass
        assert alive() is not None
    finally:
        gc.enable()
        gc.collect()
