"""Spanish full-text search in the database: accent-insensitive, with stemming.

PostgreSQL: the "spanish_unaccent" text search configuration (Spanish stemmer and stop words after
unaccent), named by SEARCH_CONFIG in settings. SQLite: rebuild Wagtail's FTS5 table with a tokenizer
that folds diacritics and strips plural endings (Porter), keeping its rows and triggers.
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'spanish_unaccent'")
            if cursor.fetchone() is None:
                cursor.execute("CREATE TEXT SEARCH CONFIGURATION spanish_unaccent (COPY = pg_catalog.spanish)")
                cursor.execute(
                    "ALTER TEXT SEARCH CONFIGURATION spanish_unaccent "
                    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem"
                )
        elif connection.vendor == "sqlite" and FTS_TABLE in connection.introspection.table_names(cursor):
            _rebuild_fts(cursor, "porter unicode61 remove_diacritics 2")


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS spanish_unaccent")
        elif connection.vendor == "sqlite" and FTS_TABLE in connection.introspection.table_names(cursor):
            _rebuild_fts(cursor, "unicode61")


def _rebuild_fts(cursor, tokenizer):
    cursor.execute(f"DROP TABLE {FTS_TABLE}")
    cursor.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title, tokenize = '{tokenizer}')")
    cursor.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, autocomplete, body, title) "  # noqa: S608 - constant names
        f"SELECT id, autocomplete, body, title FROM {ENTRY_TABLE}"
    )


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
