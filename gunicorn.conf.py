"""Worker settings gunicorn reads from the project directory (``make run``, the bench, production).

- ``gc.freeze()`` once the application is loaded: the ~200,000 objects of Django, Wagtail and our
  modules are never garbage in a worker, yet every full collection walked them (~125 ms a pass,
  one every ~20 listing misses, measured in-process at 20,000 notes).
- glibc's malloc gives threads arenas of their own (up to 8 per core) and keeps what they freed;
  two per worker, set before any thread starts (``MALLOC_ARENA_MAX=2`` took ~6 MB off a worker's
  peak after the ICS misses; the README's Performance section has the memory figures).
- A full collection after a request Django answered, at most every ``COLLECT_EVERY`` seconds: a
  listing miss leaves ~1,800 objects in reference cycles (model instances and their caches), and
  the interpreter's own oldest-generation passes came too seldom for them (in-process, a worker
  grew from 142 to 159 MB over 300 misses; collecting after each, 144 MB). A pass took 1.5-7 ms.
  Answers replayed by the fast path (cms/api/fastpath.py) allocate nothing to collect.
"""

import contextlib
import ctypes
import ctypes.util
import gc
import time

M_ARENA_MAX = -8  # glibc's mallopt() parameter number (malloc.h)
COLLECT_EVERY = 0.5  # seconds
REPLAYED = "cms.fastpath.replayed"  # cms.api.fastpath.REPLAYED (this file imports nothing of the project)
_last_collect = [0.0]


def post_fork(server, worker):
    libc = ctypes.util.find_library("c")
    # Not glibc (musl, macOS): no mallopt, or another allocator: nothing to set.
    with contextlib.suppress(OSError, AttributeError):
        if libc:
            ctypes.CDLL(libc).mallopt(M_ARENA_MAX, 2)


def post_worker_init(worker):
    gc.collect()
    gc.freeze()


def post_request(worker, req, environ, resp):
    now = time.monotonic()
    if not environ.get(REPLAYED) and now - _last_collect[0] >= COLLECT_EVERY:
        _last_collect[0] = now
        gc.collect()
