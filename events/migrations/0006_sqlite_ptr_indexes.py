"""SQLite only: a narrow index on the activity table's primary key, as news 0004 does for the
press notes, speeches and bulletins: on SQLite the join behind every count of activities
(``events_civiceventpage`` with ``wagtailcore_page``) otherwise reads one table page per row, the
body being inline. PostgreSQL's primary key is already such an index: nothing is created there.
"""

from django.db import migrations

TABLES = ["events_civiceventpage"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for table in TABLES:
            schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{table}_ptr_ids" ON "{table}" ("page_ptr_id")')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for table in TABLES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_ptr_ids"')


class Migration(migrations.Migration):
    dependencies = [("events", "0005_ics_text")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
