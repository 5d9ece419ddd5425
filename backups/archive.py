"""The archive format: one tar with the database dump, every media file and manifest.json (written last).

Writing goes to a hidden temporary name in the target folder and is renamed only once it is complete and
on disk, so a half-written archive never looks like a finished one. Reading checks every byte against the
manifest while unpacking into a staging folder; only a fully valid archive is ever used.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import tarfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.files.storage import Storage
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from .progress import Progress

FORMAT = "nahbar-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive cannot be used; the message names the archive and exactly what is wrong."""


class HashingReader:
    """Hands a file to tarfile while computing its sha256, so each media file is read only once."""

    def __init__(self, raw: BinaryIO, progress: Progress):
        self.raw, self.progress, self.sha256 = raw, progress, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.sha256.update(data)
        self.progress.add(bytes=len(data))
        return data


def portal_version() -> str:
    with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file in a storage, found by walking it, so S3-like storages work as well as a folder."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for sub in sorted(folders):
        yield from media_names(storage, posixpath.join(folder, sub) if folder else sub)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
    tar.addfile(info, io.BytesIO(data))


def _add_media(tar: tarfile.TarFile, storage: Storage, progress: Progress) -> dict[str, dict]:
    media = {}
    progress.start(_("media"))
    for name in media_names(storage):
        info = tarfile.TarInfo(MEDIA_PREFIX + name)
        info.size, info.mode, info.mtime = storage.size(name), 0o600, int(time.time())
        with storage.open(name, "rb") as raw:
            reader = HashingReader(raw, progress)
            tar.addfile(info, reader)
        media[name] = {"sha256": reader.sha256.hexdigest(), "size": info.size}
        progress.add(files=1)
    progress.done()
    return media


def archive_write(*, path: Path, dump: Path, manifest: dict, storage: Storage, progress: Progress) -> dict:
    """Writes the archive atomically and returns the completed manifest."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        # Owner-only: an archive holds every account's password hash and every tip's contact details.
        with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
                tar.add(dump, arcname=manifest["database"]["file"])
                manifest["media"] = _add_media(tar, storage, progress)
                _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, path)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def _staged_name(member: tarfile.TarInfo, archive: str) -> str:
    """The member's name if it is a plain file with a safe relative path; anything else is foreign."""
    name = member.name
    normal = posixpath.normpath(name)
    if not member.isfile() or normal != name or name.startswith(("/", "../")) or "/../" in name:
        raise ArchiveError(_("%(archive)s contains %(member)s, which is not a plain file with a safe name: "
                             "it was not written by Nahbar's backup.") % {"archive": archive, "member": name})
    return name


def _stage_members(source: Path, into: Path, progress: Progress) -> dict[str, str]:
    hashes: dict[str, str] = {}
    progress.start(_("checking archive"))
    try:
        _stage_each(source, into, progress, hashes)
    except (tarfile.TarError, EOFError) as error:
        # _stage_each puts each member's name in `hashes` before reading it, so the last one is where it broke.
        where = (_("in %(member)s") % {"member": list(hashes)[-1]}) if hashes else _("at its start")
        raise ArchiveError(_("%(archive)s is damaged or incomplete %(where)s (%(error)s): it may have been cut off "
                             "while being written or copied. Nothing was changed.")
                           % {"archive": source.name, "where": where, "error": error}) from error
    progress.done()
    return hashes


def _stage_each(source: Path, into: Path, progress: Progress, hashes: dict[str, str]) -> None:
    with tarfile.open(source, mode="r|") as tar:
        for member in tar:
            name = _staged_name(member, source.name)
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            digest, hashes[name] = hashlib.sha256(), ""
            with tar.extractfile(member) as data, open(target, "wb") as out:
                while chunk := data.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    progress.add(bytes=len(chunk))
            hashes[name] = digest.hexdigest()
            progress.add(files=1)


def archive_unpack(*, source: Path, into: Path, vendor: str, progress: Progress) -> dict:
    """Unpacks into `into` and checks everything; raises ArchiveError before anything else is touched."""
    hashes = _stage_members(source, into, progress)
    if MANIFEST not in hashes:
        raise ArchiveError(_("%(archive)s has no manifest.json: it is incomplete or not a Nahbar backup. "
                             "Nothing was changed.") % {"archive": source.name})
    manifest = json.loads((into / MANIFEST).read_text())
    manifest_check(manifest=manifest, archive=source.name, vendor=vendor)
    _check_members(manifest, hashes, source.name)
    return manifest


def manifest_check(*, manifest: dict, archive: str, vendor: str) -> None:
    if manifest.get("format") != FORMAT:
        raise ArchiveError(_("%(archive)s is not a Nahbar backup (its manifest has no Nahbar format).")
                           % {"archive": archive})
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise ArchiveError(_("%(archive)s uses backup format %(theirs)s; this version of Nahbar reads format "
                             "%(ours)s. Update Nahbar first.")
                           % {"archive": archive, "theirs": manifest.get("format_version"), "ours": FORMAT_VERSION})
    theirs = manifest["database"]["vendor"]
    if theirs != vendor:
        raise ArchiveError(_("%(archive)s holds a %(theirs)s database, but this portal runs on %(ours)s. Restoring "
                             "across database vendors is not supported: restore it into a portal configured for "
                             "%(theirs)s.") % {"archive": archive, "theirs": theirs, "ours": vendor})
    unknown = migrations_unknown(manifest["migrations"])
    if unknown:
        raise ArchiveError(_("%(archive)s comes from a newer version of Nahbar: its database has %(count)d "
                             "migration(s) this code does not know: %(names)s. Deploy that version first, then "
                             "restore. Nothing was changed.")
                           % {"archive": archive, "count": len(unknown), "names": ", ".join(unknown)})


def migrations_unknown(applied: dict[str, list[str]]) -> list[str]:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [f"{app}.{name}" for app, names in sorted(applied.items()) for name in names if (app, name) not in known]


def _check_members(manifest: dict, hashes: dict[str, str], archive: str) -> None:
    expected = {MEDIA_PREFIX + name: entry["sha256"] for name, entry in manifest["media"].items()}
    expected[manifest["database"]["file"]] = manifest["database"]["sha256"]
    for name, sha256 in expected.items():
        if name not in hashes:
            raise ArchiveError(_("%(archive)s lacks %(member)s, which its manifest lists: the archive is "
                                 "incomplete. Nothing was changed.") % {"archive": archive, "member": name})
        if hashes[name] != sha256:
            raise ArchiveError(_("%(member)s in %(archive)s does not match its checksum in the manifest: the "
                                 "archive was changed or damaged after it was made. Nothing was changed.")
                               % {"archive": archive, "member": name})
    extra = sorted(set(hashes) - set(expected) - {MANIFEST})
    if extra:
        raise ArchiveError(_("%(archive)s contains %(member)s, which its manifest does not list: the archive was "
                             "changed after it was made. Nothing was changed.")
                           % {"archive": archive, "member": extra[0]})
