"""PostgreSQL: a GIN index on ``title || body``, the vector a search matches (search.database.postgres).

Wagtail indexes ``title`` and ``body`` apart; a search for "inti raymi" must match the two together
(one word in the title, the other in the body), so without this index every entry's vector is
built and tested. Nothing on SQLite (FTS5 is its own index).
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_spanish_text_search"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
