"""Backups of the database and the media files (``manage.py backup`` / ``restore``).

A backup is a directory: ``database.sqlite3`` (SQLite's online backup API: a consistent
copy while the site keeps serving and writing) or ``database.dump`` (``pg_dump -Fc``),
``media.tar.gz`` (MEDIA_ROOT) and ``manifest.json`` (what, when, from which engine).
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def _database(alias="default"):
    connection = connections[alias]
    return connection, connection.settings_dict


def _pg_env(db):
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db):
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-1000:]}")


def backup(target_dir, alias="default"):
    """Write a backup into ``target_dir`` (created); returns the manifest."""
    target = Path(target_dir)
    target.mkdir(parents=True, exist_ok=False)
    connection, db = _database(alias)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target / "database.sqlite3")
        with copy:
            connection.connection.backup(copy)
        copy.close()
        database_file = "database.sqlite3"
    elif connection.vendor == "postgresql":
        database_file = "database.dump"
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(target / database_file), *_pg_args(db)],
            _pg_env(db),
        )
    else:
        raise BackupError(f"no backup for the {connection.vendor} engine")
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    manifest = {
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "engine": connection.vendor,
        "database": database_file,
        "media": "media.tar.gz",
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(source_dir, alias="default"):
    """Replace the database and MEDIA_ROOT with the backup in ``source_dir``."""
    source = Path(source_dir)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{source} is not a backup (no readable {MANIFEST})") from exc
    connection, db = _database(alias)
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"the backup is of {manifest['engine']}, the database is {connection.vendor}")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        backup_db = sqlite3.connect(source / manifest["database"])
        backup_db.backup(connection.connection)
        backup_db.close()
    else:
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *_pg_args(db),
                str(source / manifest["database"]),
            ],
            _pg_env(db),
        )
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(source / manifest["media"], "r:gz") as archive:
        staging = media_root.parent / f".{media_root.name}.restoring"
        shutil.rmtree(staging, ignore_errors=True)
        archive.extractall(staging, filter="data")
        restored = staging / "media"
        if media_root.exists():
            shutil.rmtree(media_root)
        if restored.exists():
            restored.rename(media_root)
        else:
            media_root.mkdir(parents=True)
        shutil.rmtree(staging, ignore_errors=True)
    return manifest
