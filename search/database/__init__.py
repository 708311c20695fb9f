"""The database search backend, ranking and limiting in SQL (``"BACKEND": "search.database"``).

Wagtail's database backends (modelsearch) rank every matching page and filter the page queryset
with the matches: on SQLite a correlated FTS5 subquery per page for the score, on PostgreSQL a
``title || body`` vector no index covers. Here the index table drives the query instead: the full-text
match (FTS5 ``MATCH``, or the GIN index on ``title || body``) picks the entries, a correlated
``EXISTS`` keeps those whose object is in the caller's queryset (the public pages), and the database
orders by its own rank (bm25, ``ts_rank``) and applies ``LIMIT``/``OFFSET``. Python only loads the
page of objects asked for. Indexing, autocomplete, ``fields=``, negated queries and facets are
Wagtail's own.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as wagtail_database_backend


def SearchBackend(params):  # the name modelsearch looks up in a backend module
    backend = wagtail_database_backend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite import RankedSQLiteSearchBackend

        if type(backend) is SQLiteSearchBackend:  # not the plain fallback used without FTS5
            return RankedSQLiteSearchBackend(params)
    elif connection.vendor == "postgresql":
        from .postgres import RankedPostgresSearchBackend

        return RankedPostgresSearchBackend(params)
    return backend
