"""Helpers for the backup tests: running manage.py in another process against another database."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


def portal_env(var_dir: Path, database_url: str | None = None) -> dict[str, str]:
    """A portal in another process: SQLite under var_dir, or the given database; media under var_dir."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "NAHBAR_VAR_DIR": str(var_dir),
           "MEDIA_ROOT": str(var_dir / "media"), "BACKUP_DIR": str(var_dir / "backups")}
    for name in ("DATABASE_URL", "REDIS_URL", "BACKUP_STORAGE_BACKEND"):
        env.pop(name, None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def media_digests(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


RENDER = ("from django.test import Client\nclient = Client()\n"
          "responses = {path: client.get(path) for path in json.loads(os.environ['PAGE_PATHS'])}\n"
          "print('PAGES=' + json.dumps({path: [response.status_code, response.content.decode()] "
          "for path, response in responses.items()}))")


def pages_from_output(output: str) -> dict[str, str]:
    pages = json.loads(output.split("PAGES=")[-1])
    assert {status for status, _ in pages.values()} == {200}
    return {path: html for path, (_, html) in pages.items()}


def pages_html(paths: list[str], env: dict[str, str], before: str = "") -> dict[str, str]:
    """The pages as the portal in that environment serves them, rendered in one process after `before`."""
    script = "import json, os\n" + before + "\n" + RENDER
    output = manage("shell", "-c", script, env={**env, "PAGE_PATHS": json.dumps(paths)}).stdout
    return pages_from_output(output)


@pytest.fixture
def remote_storage(settings, tmp_path):
    """A second FileSystemStorage standing in for a bucket at another provider."""
    settings.STORAGES = {**settings.STORAGES, "backups": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "remote")}}}
    settings.BACKUP_STORAGE = "backups"
    return tmp_path / "remote"


@pytest.fixture
def backup_dir(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    return settings.BACKUP_DIR


def postgres_url(dbname: str) -> str:
    from django.db import connection

    config = connection.settings_dict
    return f"postgres://{config['USER']}@{config['HOST']}:{config['PORT']}/{dbname}"


def postgres_rows(dbname: str) -> dict[str, tuple[int, str]]:
    """Each table's row count and a digest of all its rows, read by a connection of its own."""
    import psycopg
    from django.db import connection

    config = connection.settings_dict
    with psycopg.connect(dbname=dbname, host=config["HOST"], port=config["PORT"], user=config["USER"]) as conn:
        tables = [name for (name,) in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        return {table: conn.execute(
            f"SELECT COUNT(*), md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: S608
        ).fetchone() for table in tables}


@pytest.fixture
def scratch_database(transactional_db):
    """An empty database on the test server, dropped afterwards."""
    import secrets

    from django.db import connection

    name = f"restored_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
