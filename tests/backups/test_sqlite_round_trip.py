"""Back up a SQLite portal with real content, restore it into an empty one: the same rows, bytes and pages."""

import contextlib
import sqlite3

import pytest

from tests.backups.conftest import manage, media_digests, pages_html, portal_env

BUILD = ("from tests.backups.content import content_build\n"
         "os.environ['PAGE_PATHS'] = json.dumps(list(content_build().values()))")


def _rows(database) -> dict[str, list]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        tables = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {table: sorted(map(repr, db.execute(f'SELECT * FROM "{table}"'))) for table in tables}  # noqa: S608


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A migrated SQLite portal with real content, and the archive `manage.py backup` wrote of it."""
    folder = tmp_path_factory.mktemp("source")
    env = portal_env(folder)
    manage("migrate", "--noinput", env=env)
    pages = pages_html([], env, before=BUILD)  # rendered now, so the archive holds the pages' renditions
    rows = _rows(folder / "nahbar.sqlite3")
    backup = manage("backup", env=env)
    (archive,) = (folder / "backups").glob("nahbar-*.tar")
    return {"folder": folder, "env": env, "pages": pages, "rows": rows, "archive": archive,
            "output": backup.stderr}


def test_backup_shows_progress_and_verifies(source):
    verify = manage("backup", "--verify", source["archive"].name, env=source["env"])

    assert "rows" in source["output"] and "files" in source["output"]
    assert verify.returncode == 0 and "backups_backuprun" not in verify.stderr


def test_sqlite_portal_survives_backup_and_restore_into_an_empty_one(source, tmp_path):
    target_env = portal_env(tmp_path)

    manage("restore", str(source["archive"]), env=target_env)

    assert _rows(tmp_path / "nahbar.sqlite3") == source["rows"]
    assert media_digests(tmp_path / "media") == media_digests(source["folder"] / "media")
    assert len(media_digests(tmp_path / "media")) >= 5
    # Rendered side by side, so nothing that changes with time (a "2 minutes ago") can differ between them.
    assert pages_html(list(source["pages"]), target_env) == pages_html(list(source["pages"]), source["env"])


def test_restore_refuses_a_portal_that_has_data_unless_forced(source):
    rows_before = _rows(source["folder"] / "nahbar.sqlite3")

    refused = manage("restore", str(source["archive"]), env=source["env"], check=False)

    assert refused.returncode == 1
    assert "--force" in refused.stderr
    assert _rows(source["folder"] / "nahbar.sqlite3") == rows_before

    manage("restore", "--force", "--quiet", str(source["archive"]), env=source["env"])

    assert _rows(source["folder"] / "nahbar.sqlite3") == source["rows"]

