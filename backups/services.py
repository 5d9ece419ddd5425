"""Making, verifying, restoring and rotating backups. Commands and tasks only call these."""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, default_storage, storages
from django.db import DatabaseError as DjangoDatabaseError
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from .archive import (
    FORMAT,
    FORMAT_VERSION,
    ArchiveError,
    archive_unpack,
    archive_write,
    file_sha256,
    media_names,
    portal_version,
)
from .databases import DatabaseError, database_for
from .models import BackupRun
from .progress import Progress, human_bytes
from .retention import archive_date, archive_name_for, retention_keep

logger = logging.getLogger(__name__)


class BackupError(Exception):
    """A backup, verification or restore could not be done; the message says why and what to do."""


@contextlib.contextmanager
def _recorded(kind: str) -> Iterator[dict]:
    """Records the run when it ends, successful or not; a failure is re-raised for the caller to show."""
    details: dict = {"started_at": timezone.now()}
    try:
        yield details
    except Exception as error:
        try:
            BackupRun.objects.create(kind=kind, finished_at=timezone.now(), ok=False, message=str(error)[:4000],
                                     **details)
        except DjangoDatabaseError:
            logger.exception("Could not record the failed %s run", kind)  # the database may be what failed
        raise BackupError(str(error)) from error
    run = BackupRun.objects.create(kind=kind, finished_at=timezone.now(), ok=True, **details)
    details["run"] = run


@contextlib.contextmanager
def _staging(near: Path) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=".nahbar-staging-", dir=near if near.is_dir() else None))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _archive_path(folder: Path, created: datetime) -> Path:
    path = folder / archive_name_for(created)
    suffix = 1
    while path.exists():
        suffix += 1
        path = folder / archive_name_for(created).replace("Z.tar", f"Z-{suffix}.tar")
    return path


def backup_create(*, to: Path | None = None, storage_alias: str | None = None,
                  progress: Progress | None = None) -> BackupRun:
    """Writes one archive into `to` (BACKUP_DIR by default) and copies it to the backup storage, if any."""
    progress = progress or Progress(quiet=True)
    storage_alias = storage_alias if storage_alias is not None else settings.BACKUP_STORAGE
    folder = Path(to or settings.BACKUP_DIR)
    with _recorded(BackupRun.Kind.BACKUP) as details:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        database = database_for()
        created = timezone.now()
        path = _archive_path(folder, created)
        details.update(archive=path.name, archive_created_at=created)
        with _staging(folder) as staging:
            dump = staging / database.dump_name
            tables, migrations = database.dump(dump, progress)
            manifest = archive_write(path=path, dump=dump, storage=default_storage, progress=progress,
                                     manifest=_manifest(database, dump, created, tables, migrations))
        details["size"] = path.stat().st_size
        if storage_alias:
            _upload(path, storages[storage_alias], progress)
        details["message"] = _("%(tables)d tables, %(rows)d rows, %(files)d media files, %(size)s") % {
            "tables": len(tables), "rows": sum(tables.values()), "files": len(manifest["media"]),
            "size": human_bytes(details["size"])}
    progress.note(_("Wrote %(path)s: %(message)s.") % {"path": path, "message": details["message"]})
    return details["run"]


def _manifest(database, dump: Path, created: datetime, tables: dict, migrations: dict) -> dict:
    """Everything about the archive except its media, which are listed while they are written."""
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "created_at": created.isoformat(),
        "portal_version": portal_version(), "tables": tables, "migrations": migrations,
        "database": {"vendor": database.vendor, "file": database.dump_name,
                     "sha256": file_sha256(dump), "size": dump.stat().st_size},
    }


def _upload(path: Path, storage: Storage, progress: Progress) -> None:
    progress.start(_("copying to backup storage"))
    if storage.exists(path.name):
        storage.delete(path.name)
    with open(path, "rb") as file:
        stored = storage.save(path.name, File(file, name=path.name))
    if stored != path.name:
        raise BackupError(_("The backup storage saved %(name)s as %(stored)s.") % {"name": path.name, "stored": stored})
    progress.add(files=1, bytes=path.stat().st_size)
    progress.done()


@contextlib.contextmanager
def _local_copy(archive: str | Path, progress: Progress) -> Iterator[Path]:
    """The archive as a local file: a path, a name in BACKUP_DIR, or a name in the backup storage."""
    for candidate in (Path(archive), Path(settings.BACKUP_DIR) / str(archive)):
        if candidate.is_file():
            yield candidate
            return
    alias = settings.BACKUP_STORAGE
    if not alias or not storages[alias].exists(str(archive)):
        raise BackupError(_("There is no archive %(archive)s (looked for a file, in %(folder)s and in the backup "
                            "storage).") % {"archive": archive, "folder": settings.BACKUP_DIR})
    with tempfile.TemporaryDirectory(prefix="nahbar-download-") as folder:
        local = Path(folder) / Path(str(archive)).name
        progress.start(_("downloading"))
        with storages[alias].open(str(archive), "rb") as remote, open(local, "wb") as out:
            shutil.copyfileobj(remote, out)
        progress.add(files=1, bytes=local.stat().st_size)
        progress.done()
        yield local


def _compare_counts(manifest: dict, actual: dict[str, int], archive: str) -> str:
    expected = manifest["tables"]
    wrong = [f"{table} ({expected.get(table)} expected, {actual.get(table)} found)"
             for table in sorted(set(expected) | set(actual)) if expected.get(table) != actual.get(table)]
    if wrong:
        raise BackupError(_("Restoring %(archive)s gave other row counts than its manifest: %(tables)s.")
                          % {"archive": archive, "tables": "; ".join(wrong[:10])})
    media_bytes = sum(entry["size"] for entry in manifest["media"].values())
    return _("%(tables)d tables and %(rows)d rows match the manifest; %(files)d media files (%(size)s) match "
             "their checksums") % {"tables": len(expected), "rows": sum(expected.values()),
                                   "files": len(manifest["media"]), "size": human_bytes(media_bytes)}


def backup_verify(*, archive: str | Path, progress: Progress | None = None) -> BackupRun:
    """Restores the archive into a scratch database and folder and compares everything with its manifest."""
    progress = progress or Progress(quiet=True)
    with _recorded(BackupRun.Kind.VERIFY) as details:
        details["archive"] = Path(str(archive)).name
        database = database_for()
        with _local_copy(archive, progress) as path, _staging(path.parent) as staging:
            details["size"] = path.stat().st_size
            manifest = archive_unpack(source=path, into=staging, vendor=database.vendor, progress=progress)
            details["archive_created_at"] = datetime.fromisoformat(manifest["created_at"])
            with database.scratch() as target:
                database.load(staging / database.dump_name, progress, target=target, counts=manifest["tables"])
                details["message"] = _compare_counts(manifest, database.count(target), path.name)
    progress.note(_("Verified %(archive)s: %(message)s.") % {"archive": details["archive"],
                                                             "message": details["message"]})
    return details["run"]


def _refuse_unless_empty(database, storage: Storage) -> None:
    tables = database.occupied_tables()
    files = next(media_names(storage), None)
    if tables or files:
        what = (_("the database has %(count)d tables") % {"count": len(tables)} if tables
                else _("the media storage holds files (for example %(name)s)") % {"name": files})
        raise BackupError(_("Not restoring: %(what)s. A restore replaces everything; run it again with --force "
                            "to overwrite. Nothing was changed.") % {"what": what})


def backup_restore(*, archive: str | Path, force: bool = False, progress: Progress | None = None) -> str:
    """Brings back database and media from an archive; checks the whole archive before touching anything."""
    progress = progress or Progress(quiet=True)
    database = database_for()
    try:
        with _local_copy(archive, progress) as path, _staging(path.parent) as staging:
            manifest = archive_unpack(source=path, into=staging, vendor=database.vendor, progress=progress)
            if not force:
                _refuse_unless_empty(database, default_storage)
            database.load(staging / database.dump_name, progress, counts=manifest["tables"])
            _restore_media(staging, manifest, default_storage, progress)
            connections.close_all()
            return _compare_counts(manifest, database.count(), path.name)
    except (ArchiveError, DatabaseError, OSError) as error:
        raise BackupError(str(error)) from error


def _restore_media(staging: Path, manifest: dict, storage: Storage, progress: Progress) -> None:
    progress.start(_("media"))
    for name, entry in manifest["media"].items():
        if storage.exists(name):
            storage.delete(name)
        with open(staging / "media" / name, "rb") as file:
            stored = storage.save(name, File(file, name=name))
        if stored != name:
            raise BackupError(_("The media storage saved %(name)s as %(stored)s.") % {"name": name, "stored": stored})
        progress.add(files=1, bytes=entry["size"])
    progress.done()


def backup_rotate() -> list[str]:
    """Deletes the archives the retention set does not keep, in BACKUP_DIR and in the backup storage."""
    folder = Path(settings.BACKUP_DIR)
    places: list[tuple[list[str], Callable[[str], None]]] = []
    if folder.is_dir():
        places.append(([path.name for path in folder.iterdir()], lambda name: (folder / name).unlink()))
    if settings.BACKUP_STORAGE:
        storage = storages[settings.BACKUP_STORAGE]
        places.append((storage.listdir("")[1], storage.delete))
    deleted = []
    for names, delete in places:
        dated = {name: archive_date(name) for name in names if archive_date(name)}
        keep = retention_keep(dates=dated.values(), daily=settings.BACKUP_KEEP_DAILY,
                              weekly=settings.BACKUP_KEEP_WEEKLY, monthly=settings.BACKUP_KEEP_MONTHLY)
        for name, moment in sorted(dated.items()):
            if moment not in keep:
                delete(name)
                deleted.append(name)
    return deleted
