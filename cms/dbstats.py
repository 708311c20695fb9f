"""Planner statistics after a bulk load.

PostgreSQL plans from table statistics that autovacuum refreshes only some time after a change:
right after thousands of rows arrive (the WordPress import, the benchmark's seed) it still plans for
the empty tables, and a search over 20,000 new notes took 4.9 s instead of 0.2 s until ANALYZE ran.
SQLite keeps no statistics unless asked, and our queries are written for its statistics-free planner
(cms.api.public.of_language), so nothing is done there.
"""

from django.db import connection


def analyze_after_bulk_load():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
