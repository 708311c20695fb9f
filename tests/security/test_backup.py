"""make backup / make restore: a round trip through a database and a MEDIA_ROOT of their own.

``manage.py backup`` and ``restore`` run in processes of their own, as an operator runs them,
against a database made for this test (a SQLite file, or a PostgreSQL database created from a
migrated template: tests/security/isolated.py), never the pytest database. Content is created,
backed up, damaged (rows and files), restored, and must come back exactly.
"""

import pytest
from django.db import connection

from tests.security.isolated import manage, populate, postgres_database, sqlite_database


def media_files(media):
    return {str(path.relative_to(media)): path.read_bytes() for path in sorted(media.rglob("*")) if path.is_file()}


@pytest.fixture
def own_database(tmp_path):
    """(DATABASE_URL, MEDIA_ROOT) of this test's own database, on the engine the suite runs on."""
    media = tmp_path / "media"
    if connection.vendor == "postgresql":
        with postgres_database(media) as url:
            yield url, media
    else:
        _path, url = sqlite_database(tmp_path / "db")
        yield url, media


def test_backup_and_restore_round_trip(own_database, tmp_path):
    url, media = own_database
    populate("content", url, media)
    before, files = populate("snapshot", url, media), media_files(media)
    assert any(title == "Nota respaldada" and live for _pk, title, live, _path in before["pages"])
    assert before["documents"] and before["screens"] == ["plaza-regocijo"]
    assert any(name.startswith("original_images/") for name in files)
    assert any(name.startswith("documents/") for name in files)

    result = manage("backup", str(tmp_path / "backup"), database_url=url, media_root=media)
    assert result.returncode == 0, result.stderr
    database_file = "database.dump" if connection.vendor == "postgresql" else "database.sqlite3"
    assert sorted(path.name for path in (tmp_path / "backup").iterdir()) == [
        database_file,
        "manifest.json",
        "media.tar.gz",
    ]

    # An accident: a title changed, a document row and the screen gone, a file lost, a stray file.
    assert populate("damage", url, media) == {"changed": 1, "deleted": 1}
    lost = next(name for name in files if name.startswith("documents/"))
    (media / lost).unlink()
    (media / "intruso.txt").write_text("no estaba")
    assert populate("snapshot", url, media) != before
    assert media_files(media) != files

    result = manage("restore", str(tmp_path / "backup"), database_url=url, media_root=media)
    assert result.returncode == 0, result.stderr
    assert populate("snapshot", url, media) == before
    assert media_files(media) == files


def test_restore_refuses_a_directory_that_is_not_a_backup(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = manage("restore", str(tmp_path), database_url=url, media_root=tmp_path / "media")
    assert result.returncode != 0
    assert "is not a backup" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists() or (tmp_path / "db.sqlite3").stat().st_size == 0


def test_restore_refuses_a_backup_of_the_other_engine(tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "manifest.json").write_text(
        '{"engine": "postgresql", "database": "database.dump", "media": "media.tar.gz", "created_at": "x"}'
    )
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = manage("restore", str(tmp_path / "backup"), database_url=url, media_root=tmp_path / "media")
    assert result.returncode != 0
    assert "the backup is of postgresql, the database is sqlite" in result.stderr
