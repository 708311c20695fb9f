"""Run every admin write view in one transaction, so a publish and its outbox row commit together.

Wagtail's edit and unpublish views publish and send `page_published`/`page_unpublished`
outside any transaction of their own; the outbox row written by our handler must commit
with the page, or not at all. This is Django's ATOMIC_REQUESTS, limited to admin writes
(the view runs inside the transaction, so an exception rolls everything back). Reads and
the public API are untouched. Keep this middleware last: it calls the view itself.
"""

from django.db import DEFAULT_DB_ALIAS, transaction
from django.urls import reverse

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class AtomicAdminWritesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS or not request.path.startswith(self.admin_prefix):
            return None
        if DEFAULT_DB_ALIAS in getattr(view_func, "_non_atomic_requests", set()):
            return None
        with transaction.atomic():
            return view_func(request, *view_args, **view_kwargs)

    @property
    def admin_prefix(self):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix
