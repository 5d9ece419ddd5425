"""The database side of a backup, per vendor: a consistent dump, loading it back, and counting rows.

Both vendors describe a database the same way (row counts of every table that exists, and the applied
migrations) from a DB-API cursor, always inside the same snapshot the dump was taken from, so the
manifest's counts are exactly what the dump holds even while the site keeps writing.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils.translation import gettext as _

from .progress import Progress

PG_TABLE_LINE = re.compile(r'(?:dumping contents of|processing data for) table "(?:[^"]+\.)?([^"]+)"')


class DatabaseError(Exception):
    """A dump or load failed; the message says why, in words an operator can act on."""


def describe(cursor, tables: list[str]) -> tuple[dict[str, int], dict[str, list[str]]]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names come from the catalogue
        counts[table] = cursor.fetchone()[0]
    migrations: dict[str, list[str]] = {}
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    return counts, migrations


class Sqlite:
    vendor = "sqlite"
    dump_name = "database.sqlite3"

    def __init__(self, alias: str = "default"):
        self.path = Path(settings.DATABASES[alias]["NAME"])

    @staticmethod
    def tables(db: sqlite3.Connection) -> list[str]:
        rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return [name for (name,) in rows]

    def dump(self, dest: Path, progress: Progress) -> tuple[dict[str, int], dict[str, list[str]]]:
        # The online backup API copies in one step (pages=-1), which reads one consistent snapshot of a
        # WAL database while writers carry on; copying the file could catch a half-applied transaction.
        progress.start(_("database"))
        with contextlib.closing(sqlite3.connect(self.path)) as source, \
                contextlib.closing(sqlite3.connect(dest)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            result = describe(copy.cursor(), self.tables(copy))
        progress.add(tables=len(result[0]), rows=sum(result[0].values()), bytes=dest.stat().st_size)
        progress.done()
        return result

    def occupied_tables(self) -> list[str]:
        if not self.path.exists():
            return []
        with contextlib.closing(sqlite3.connect(self.path)) as db:
            return self.tables(db)

    def load(self, source: Path, progress: Progress, *, target: Path | None = None,
             counts: dict[str, int] | None = None) -> None:
        """Replaces the target with the dump, or leaves it as it was: the dump is first copied beside it and
        checked (integrity, and the manifest's row counts), and only a good copy is written over the target."""
        connections.close_all()
        target = target or self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        progress.start(_("database"))
        staged = target.with_name(f".{target.name}.restoring")
        staged.unlink(missing_ok=True)
        try:
            # The backup API replaces every page of the target and keeps its WAL consistent, which a file
            # copy over a database that a server still has open would not; it writes in one transaction.
            with contextlib.closing(sqlite3.connect(source)) as archived, \
                    contextlib.closing(sqlite3.connect(staged)) as copy:
                archived.backup(copy)
                self._check(copy, counts)
                with contextlib.closing(sqlite3.connect(target)) as live:
                    copy.backup(live)
        except sqlite3.DatabaseError as error:
            raise DatabaseError(_("The database in the archive cannot be loaded (%(error)s); nothing was "
                                  "changed.") % {"error": error}) from error
        finally:
            staged.unlink(missing_ok=True)
        progress.add(rows=sum((counts or {}).values()), bytes=source.stat().st_size)
        progress.done()

    def _check(self, db: sqlite3.Connection, counts: dict[str, int] | None) -> None:
        problems = [row[0] for row in db.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("; ".join(problems[:5]))
        if counts is not None and describe(db.cursor(), self.tables(db))[0] != counts:
            raise sqlite3.DatabaseError(_("its row counts differ from the manifest"))

    def count(self, target: Path | None = None) -> dict[str, int]:
        with contextlib.closing(sqlite3.connect(target or self.path)) as db:
            return describe(db.cursor(), self.tables(db))[0]

    @contextlib.contextmanager
    def scratch(self) -> Iterator[Path]:
        folder = Path(tempfile.mkdtemp(prefix="nahbar-verify-"))
        try:
            yield folder / "scratch.sqlite3"
        finally:
            shutil.rmtree(folder, ignore_errors=True)


class Postgres:
    vendor = "postgresql"
    dump_name = "database.pgdump"

    def __init__(self, alias: str = "default"):
        self.settings = settings.DATABASES[alias]
        self.dbname = self.settings["NAME"]

    def _conninfo(self, dbname: str | None = None) -> dict[str, str]:
        info = {"dbname": dbname or self.dbname, "host": self.settings.get("HOST"), "port": self.settings.get("PORT"),
                "user": self.settings.get("USER"), "password": self.settings.get("PASSWORD")}
        return {key: str(value) for key, value in info.items() if value}

    def _env(self, dbname: str | None = None) -> dict[str, str]:
        names = {"dbname": "PGDATABASE", "host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD"}
        return {**os.environ, **{names[key]: value for key, value in self._conninfo(dbname).items()}}

    def connect(self, dbname: str | None = None, **options):
        import psycopg

        return psycopg.connect(**self._conninfo(dbname), **options)

    def program(self, name: str) -> str:
        """The client program matching the server's major version: an older pg_dump refuses a newer server."""
        folder = getattr(settings, "BACKUP_PG_BIN", None)
        if not folder:
            major = connections["default"].pg_version // 10000
            folder = f"/usr/lib/postgresql/{major}/bin"
        candidate = Path(folder) / name
        return str(candidate) if candidate.exists() else (shutil.which(name) or name)

    @staticmethod
    def tables(cursor) -> list[str]:
        cursor.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()")
        return [name for (name,) in cursor.fetchall()]

    def dump(self, dest: Path, progress: Progress) -> tuple[dict[str, int], dict[str, list[str]]]:
        import psycopg

        # pg_dump joins a snapshot that this open transaction exports, so the counts below and the
        # dump see the very same rows, whatever the site writes meanwhile.
        with self.connect() as conn:
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            conn.read_only = True
            with conn.cursor() as cursor:
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                counts, migrations = describe(cursor, self.tables(cursor))
                self._run(progress, counts, [self.program("pg_dump"), "--format=custom", "--verbose",
                                             f"--snapshot={snapshot}", f"--file={dest}"])
            conn.rollback()
        return counts, migrations

    def _run(self, progress: Progress, counts: dict[str, int], command: list[str], dbname: str | None = None) -> None:
        """Runs pg_dump/pg_restore, turning their --verbose table lines into rows of progress."""
        progress.start(_("database"))
        process = subprocess.Popen(command, env=self._env(dbname), stderr=subprocess.PIPE, text=True)
        log = []
        for line in process.stderr:
            log.append(line)
            match = PG_TABLE_LINE.search(line)
            if match:
                progress.add(tables=1, rows=counts.get(match.group(1), 0))
        if process.wait() != 0:
            errors = [line.strip() for line in log if "error" in line.lower()] or log[-5:]
            raise DatabaseError(_("%(program)s failed: %(errors)s") % {
                "program": Path(command[0]).name, "errors": " ".join(errors)[-2000:]})
        progress.done()

    def occupied_tables(self, dbname: str | None = None) -> list[str]:
        with self.connect(dbname) as conn, conn.cursor() as cursor:
            return self.tables(cursor)

    def load(self, source: Path, progress: Progress, *, target: str | None = None,
             counts: dict[str, int] | None = None) -> None:
        """Replaces what the target holds with the dump in ONE transaction, or leaves it as it was.

        pg_restore first turns the dump into SQL in a file (a damaged dump fails here, before anything is
        touched); psql then drops the old tables, runs the SQL and checks the manifest's row counts, all
        inside a single transaction that any error rolls back. Piping pg_restore into psql directly would
        commit whatever arrived before a failing pg_restore stopped.
        """
        with tempfile.TemporaryDirectory(prefix="nahbar-restore-") as folder:
            script = Path(folder) / "restore.sql"
            try:
                self._run(progress, counts or {}, [self.program("pg_restore"), "--verbose", "--no-owner",
                                                   "--no-privileges", "--exit-on-error", f"--file={script}",
                                                   str(source)], dbname=target)
            except DatabaseError as error:
                raise DatabaseError(_("The dump could not be loaded, so nothing was changed: %(errors)s") % {
                    "errors": error}) from error
            existing = self.occupied_tables(target)
            drop = "DROP TABLE " + ", ".join(f'"{name}"' for name in existing) + " CASCADE" if existing else "SELECT 1"
            command = [self.program("psql"), "--no-psqlrc", "--quiet", "--single-transaction",
                       "--set=ON_ERROR_STOP=1", "--command", drop, "--file", str(script)]
            if counts is not None:
                command += ["--command", _counts_check(counts)]
            result = subprocess.run(command, env=self._env(target), capture_output=True, text=True)
        if result.returncode != 0:
            errors = [line.strip() for line in result.stderr.splitlines() if "ERROR" in line] or [result.stderr]
            raise DatabaseError(_("The dump could not be loaded, so nothing was changed: %(errors)s") % {
                "errors": " ".join(errors)[-2000:]})

    def count(self, target: str | None = None) -> dict[str, int]:
        with self.connect(target) as conn, conn.cursor() as cursor:
            return describe(cursor, self.tables(cursor))[0]

    @contextlib.contextmanager
    def scratch(self) -> Iterator[str]:
        """A throwaway database on the same server; the role needs the CREATEDB privilege."""
        name = f"nahbar_verify_{secrets.token_hex(6)}"
        with self.connect(autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        try:
            yield name
        finally:
            with self.connect(autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _counts_check(counts: dict[str, int]) -> str:
    """A statement that fails (rolling the restore back) unless every table holds the manifest's rows."""
    checks = "".join(  # table names come from the catalogue via the manifest, and are checked here
        f"IF (SELECT COUNT(*) FROM public.\"{table}\") <> {int(rows)} THEN "  # noqa: S608
        f"RAISE EXCEPTION 'table {table}: % rows, the manifest says {int(rows)}', "
        f"(SELECT COUNT(*) FROM public.\"{table}\"); END IF; "
        for table, rows in sorted(counts.items()) if table.replace("_", "").isalnum()
    )
    return f"DO $$ BEGIN {checks}END $$"


def database_for(alias: str = "default") -> Sqlite | Postgres:
    vendor = connections[alias].vendor
    if vendor == "sqlite":
        return Sqlite(alias)
    if vendor == "postgresql":
        return Postgres(alias)
    raise DatabaseError(_("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": vendor})
