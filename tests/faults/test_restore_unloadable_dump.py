"""`restore --force` of an archive whose checksums pass but whose dump does not load changes nothing.

Before, restore dropped every table first and then loaded: such an archive left 0 of 85 tables.
"""

import hashlib
import json
import shutil
import sqlite3

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from core.factories import UserFactory
from tests.backups.conftest import manage, portal_env, postgres_rows
from tests.backups.test_rejections import _rewrite


def _replace_dump(archive, damage) -> None:
    """The dump is damaged, and the manifest is rewritten to match it: every checksum passes."""
    dumps = {}

    def change(name, data):
        if name.startswith("database."):
            dumps[name] = data = damage(data)
        elif name == "manifest.json":
            manifest = json.loads(data)
            dumped = dumps[manifest["database"]["file"]]
            manifest["database"].update(sha256=hashlib.sha256(dumped).hexdigest(), size=len(dumped))
            data = json.dumps(manifest).encode()
        return data

    _rewrite(archive, change)  # the dump comes before the manifest, which is written last


def _scramble_middle(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes(byte ^ 0x5A for byte in data[middle:middle + 4096]) + data[middle + 4096:]


@pytest.mark.django_db(transaction=True)
def test_postgres_restore_of_an_unloadable_dump_leaves_the_database_as_it_was(backup_dir):
    UserFactory(username="in-the-archive")
    call_command("backup", "--quiet")
    (archive,) = backup_dir.glob("nahbar-*.tar")
    UserFactory(username="joined-after-the-backup")
    _replace_dump(archive, _scramble_middle)
    rows = postgres_rows(connection.settings_dict["NAME"])

    with pytest.raises(CommandError):
        call_command("restore", str(archive), "--force", "--quiet")

    after = postgres_rows(connection.settings_dict["NAME"])
    print(f"\nrestore of an unloadable dump: {len(rows)} tables before, {len(after)} after")
    assert after == rows
    assert get_user_model().objects.filter(username="joined-after-the-backup").exists()


def _sqlite_rows(path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}  # noqa: S608


@pytest.mark.django_db  # only so pytest-django sets up the session's database; this test uses its own SQLite
def test_sqlite_restore_of_an_unloadable_dump_leaves_the_database_as_it_was(embedded_template, tmp_path):
    shutil.copy(embedded_template["database"], tmp_path / "nahbar.sqlite3")
    env = portal_env(tmp_path)
    manage("backup", "--quiet", env=env)
    (archive,) = (tmp_path / "backups").glob("nahbar-*.tar")
    manage("shell", "-c", "from core.factories import UserFactory; UserFactory(username='joined-after')", env=env)
    _replace_dump(archive, _scramble_middle)
    rows = _sqlite_rows(tmp_path / "nahbar.sqlite3")

    result = manage("restore", str(archive), "--force", "--quiet", env=env, check=False)

    after = _sqlite_rows(tmp_path / "nahbar.sqlite3")
    print(f"\nSQLite restore of an unloadable dump: {len(rows)} tables before, {len(after)} after")
    assert result.returncode == 1, result.stderr
    assert after == rows
    with sqlite3.connect(tmp_path / "nahbar.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM auth_user WHERE username = 'joined-after'").fetchone() == (1,)
