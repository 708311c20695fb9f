"""make backup / make restore: a round trip through a real SQLite file and a real MEDIA_ROOT.

The commands run in their own processes against a file copy of the test database, as an
operator would run them; the content is changed in between and must come back exactly.
"""

import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import NewsPageFactory, publish
from tests.security.sqlite_server import copy_test_database

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite file"),
]


def manage(*args, database, media):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(media),
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def content(database, media):
    db = sqlite3.connect(database)
    pages = db.execute("SELECT id, title, live, url_path FROM wagtailcore_page ORDER BY id").fetchall()
    revisions = db.execute("SELECT count(*) FROM wagtailcore_revision").fetchone()
    db.close()
    files = {str(path.relative_to(media)): path.read_bytes() for path in media.rglob("*") if path.is_file()}
    return pages, revisions, files


def test_backup_and_restore_round_trip(site_tree, tmp_path):
    publish(
        NewsPageFactory(parent=site_tree["sections"]["news.NewsIndexPage"], title="Nota respaldada", main_image=None)
    )
    database, media = tmp_path / "db.sqlite3", tmp_path / "media"
    copy_test_database(database)
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "acta.pdf").write_bytes(b"%PDF-1.4 acta de la sesion")
    (media / "original_images").mkdir()
    (media / "original_images" / "foto.png").write_bytes(bytes(range(256)))
    before = content(database, media)
    assert any(title == "Nota respaldada" for _id, title, *_ in before[0])

    result = manage("backup", str(tmp_path / "backup"), database=database, media=media)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "backup").iterdir()) == [
        "database.sqlite3",
        "manifest.json",
        "media.tar.gz",
    ]

    # Lose content: a page renamed, one deleted file, one new file.
    db = sqlite3.connect(database)
    db.execute("UPDATE wagtailcore_page SET title = 'Borrado' WHERE title = 'Nota respaldada'")
    db.commit()
    db.close()
    (media / "documents" / "acta.pdf").unlink()
    (media / "intruso.txt").write_text("no estaba")
    assert content(database, media) != before

    result = manage("restore", str(tmp_path / "backup"), database=database, media=media)
    assert result.returncode == 0, result.stderr
    assert content(database, media) == before


def test_restore_refuses_a_directory_that_is_not_a_backup(tmp_path):
    result = manage("restore", str(tmp_path), database=tmp_path / "db.sqlite3", media=tmp_path / "media")
    assert result.returncode != 0
    assert "is not a backup" in result.stderr
