"""Search engine backends that answer from the database backend while the engine is down or slow.

Configured as ``WAGTAILSEARCH_BACKENDS["default"] = {"BACKEND": "search.backends", "ENGINE":
"wagtail.search.backends.elasticsearch8", "FALLBACK": "database", "RETRY_AFTER": 30, ...}``; every
other key is the engine backend's own (URLS, INDEX_PREFIX, TIMEOUT, OPTIONS, INDEX_SETTINGS), passed on
to Wagtail's backend, which merges INDEX_SETTINGS into its own analysis settings (n-gram filters). Indexing
errors are already caught and logged by modelsearch for engine backends (``catch_indexing_errors``),
so saving and publishing never depend on the engine; ``manage.py update_index`` catches up later.
"""

import logging
import time
from functools import cache

from modelsearch.backends import get_search_backend, import_backend
from modelsearch.backends.elasticsearchbase import ElasticsearchAutocompleteQueryCompilerImpl

logger = logging.getLogger(__name__)

# Per process: after the engine was unreachable, searches skip it until this moment (time.monotonic()).
_outage = {"until": 0.0}


def engine_resting():
    return time.monotonic() < _outage["until"]


def reset_outage():
    """Forget a past outage, so the next search tries the engine again."""
    _outage["until"] = 0.0


def _client_errors():
    """(errors that make us answer from the fallback, errors that mean the engine is unreachable)."""
    from elastic_transport import TransportError as Unreachable  # connection errors and timeouts
    from elasticsearch import ApiError  # the engine answered with an error status

    return (ApiError, Unreachable), Unreachable


@cache
def backend_class(engine_path):
    """The engine's backend class, with results that fall back to another backend on client errors."""
    engine_class = import_backend(engine_path)
    client_errors, unreachable = _client_errors()

    class ResilientResults(engine_class.results_class):
        def _failed(self, exc):
            backend = self.backend
            if not backend.fallback_name:
                raise exc
            if isinstance(exc, unreachable):
                _outage["until"] = time.monotonic() + backend.retry_after
            logger.warning(
                "Search engine failed (%s: %s); answering from the '%s' search backend",
                exc.__class__.__name__,
                exc,
                backend.fallback_name,
            )

        def _fallback(self):
            compiler = self.query_compiler
            fallback = get_search_backend(self.backend.fallback_name)
            is_autocomplete = isinstance(compiler, ElasticsearchAutocompleteQueryCompilerImpl)
            run = fallback.autocomplete if is_autocomplete else fallback.search
            results = run(
                compiler.query,
                compiler.queryset,
                fields=compiler.fields,
                order_by_relevance=compiler.order_by_relevance,
            )
            results._set_limits(self.start, self.stop)
            results._score_field = self._score_field
            return results

        def _do_search(self):
            if not (self.backend.fallback_name and engine_resting()):
                try:
                    return list(super()._do_search())
                except client_errors as exc:
                    self._failed(exc)
            return self._fallback().results()

        def _do_count(self):
            if not (self.backend.fallback_name and engine_resting()):
                try:
                    return super()._do_count()
                except client_errors as exc:
                    self._failed(exc)
            return self._fallback().count()

        def facet(self, field_name):
            if not (self.backend.fallback_name and engine_resting()):
                try:
                    return super().facet(field_name)
                except client_errors as exc:
                    self._failed(exc)
            return self._fallback().facet(field_name)

    class ResilientBackend(engine_class):
        results_class = ResilientResults

        def __init__(self, params):
            params = dict(params)
            self.fallback_name = params.pop("FALLBACK", None)
            self.retry_after = params.pop("RETRY_AFTER", 30)
            super().__init__(params)

    ResilientBackend.__name__ = ResilientBackend.__qualname__ = f"Resilient{engine_class.__name__}"
    return ResilientBackend


def SearchBackend(params):  # the name modelsearch looks up in a backend module
    params = dict(params)
    return backend_class(params.pop("ENGINE"))(params)
