"""SQLite only: a narrow index on each content page table's primary key.

On SQLite a page type's rows live in its table's b-tree with the body inline (a few KB each), so
the join behind every count and "is it a press note" test (``news_newspage ⋈ wagtailcore_page``)
reads one table page per row: 40 ms for 20,000 notes. This index holds only the ids, and SQLite
answers the join from it (a covering index): 20 ms. PostgreSQL's primary key is already such an
index, so nothing is created there.
"""

from django.db import migrations

TABLES = ["news_newspage", "news_speechpage", "news_bulletinpage"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for table in TABLES:
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{table}_ptr_ids" ON "{table}" ("page_ptr_id")')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for table in TABLES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_ptr_ids"')


class Migration(migrations.Migration):
    dependencies = [("news", "0003_campaigns_speech_versions")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
