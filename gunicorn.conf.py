"""Worker settings gunicorn reads from the project directory (``make run``, the bench, production).

- ``gc.freeze()`` once the application is loaded: the ~200,000 objects of Django, Wagtail and our
  modules are never garbage in a worker, yet every full collection walked them (~125 ms a pass,
  one every ~20 listing misses, measured in-process at 20,000 notes).
- glibc's malloc gives threads arenas of their own (up to 8 per core) and keeps what they freed;
  two per worker, set before any thread starts (``MALLOC_ARENA_MAX=2`` took ~6 MB off a worker's
  peak after the ICS misses; the README's Performance section has the memory figures).
"""

import contextlib
import ctypes
import ctypes.util
import gc

M_ARENA_MAX = -8  # glibc's mallopt() parameter number (malloc.h)


def post_fork(server, worker):
    libc = ctypes.util.find_library("c")
    # Not glibc (musl, macOS): no mallopt, or another allocator: nothing to set.
    with contextlib.suppress(OSError, AttributeError):
        if libc:
            ctypes.CDLL(libc).mallopt(M_ARENA_MAX, 2)


def post_worker_init(worker):
    gc.collect()
    gc.freeze()
