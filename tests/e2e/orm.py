"""ORM calls against the browser suite's database, from a thread of its own: Playwright's sync API
runs an event loop in the test's thread, where Django refuses ORM calls (SynchronousOnlyOperation)."""

import contextlib
import time
from concurrent.futures import ThreadPoolExecutor

import environ
from django.db import connections
from django.db.utils import load_backend

from tests.e2e.server import database_url


class Orm:
    """Runs callables against the e2e database in one dedicated thread, where `default` is that
    database. `orm.run(fn, *args)` returns fn's result; `orm.wait_until(fn)` polls until truthy."""

    def __init__(self, database, blocker):
        self.blocker = blocker
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="e2e-orm")
        config = environ.Env.db_url_config(database_url(database))
        config["OPTIONS"] = {"timeout": 20}  # the server writes to the same file
        self.executor.submit(self._connect, config).result()

    @staticmethod
    def _connect(config):
        config = connections.configure_settings({"default": config})["default"]
        connections["default"] = load_backend(config["ENGINE"]).DatabaseWrapper(config, "default")

    def _call(self, fn, args, kwargs):
        from django.contrib.contenttypes.models import ContentType

        # Content type ids differ between this database and pytest's: never share the cache.
        ContentType.objects.clear_cache()
        try:
            with self.blocker.unblock():
                return fn(*args, **kwargs)
        finally:
            ContentType.objects.clear_cache()

    def run(self, fn, *args, **kwargs):
        return self.executor.submit(self._call, fn, args, kwargs).result(timeout=120)

    def wait_until(self, fn, *args, timeout=5.0, interval=0.1, **kwargs):
        deadline = time.monotonic() + timeout
        while True:
            result = self.run(fn, *args, **kwargs)
            if result or time.monotonic() > deadline:
                return result
            time.sleep(interval)

    def close(self):
        with contextlib.suppress(Exception):
            self.executor.submit(lambda: connections["default"].close()).result(timeout=10)
        self.executor.shutdown(wait=True)
