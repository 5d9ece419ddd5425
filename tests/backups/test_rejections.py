"""A damaged or foreign archive is refused with a message naming what is wrong, and nothing is changed."""

import io
import json
import tarfile

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from core.factories import UserFactory, generated_png
from tests.backups.conftest import media_digests, postgres_rows

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive(backup_dir):
    """An archive with a picture in it, and then newer data that a wrongful restore would lose."""
    default_storage.save("original_images/kept.png", ContentFile(generated_png("Kept safe")))
    call_command("backup", "--quiet")
    (path,) = backup_dir.glob("nahbar-*.tar")
    UserFactory(username="joined-after-the-backup")
    default_storage.save("documents/after.txt", ContentFile(b"uploaded after the backup"))
    return path


def _rewrite(archive, change) -> None:
    """Writes the archive again with `change(name, data)` applied to each member's bytes."""
    with tarfile.open(archive) as tar:
        members = [(member, tar.extractfile(member).read()) for member in tar.getmembers()]
    with tarfile.open(archive, "w") as tar:
        for member, data in members:
            data = change(member.name, data)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))


def _truncate(archive) -> str:
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    return archive.name


def _tamper_media(archive) -> str:
    _rewrite(archive, lambda name, data: data[:-1] + b"!" if name.startswith("media/original_images/") else data)
    with tarfile.open(archive) as tar:
        return next(name for name in tar.getnames() if name.startswith("media/original_images/"))


def _tamper_dump(archive) -> str:
    _rewrite(archive, lambda name, data: data + b"\0" if name == "database.pgdump" else data)
    return "database.pgdump"


def _edit_manifest(archive, edit) -> None:
    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        edit(manifest)
        return json.dumps(manifest).encode()

    _rewrite(archive, change)


def _from_the_future(archive) -> str:
    _edit_manifest(archive, lambda manifest: manifest["migrations"]["backups"].append("0999_from_the_future"))
    return "backups.0999_from_the_future"


def _from_sqlite(archive) -> str:
    _edit_manifest(archive, lambda manifest: manifest["database"].update(vendor="sqlite"))
    return "sqlite"


@pytest.mark.parametrize("damage", [_truncate, _tamper_media, _tamper_dump, _from_the_future, _from_sqlite])
def test_a_damaged_or_newer_archive_is_refused_and_nothing_changes(archive, damage):
    named = damage(archive)
    rows, media = postgres_rows(connection.settings_dict["NAME"]), media_digests(settings.MEDIA_ROOT)

    with pytest.raises(CommandError, match=named.replace(".", r"\.")):
        call_command("restore", str(archive), "--force", "--quiet")

    assert postgres_rows(connection.settings_dict["NAME"]) == rows
    assert get_user_model().objects.filter(username="joined-after-the-backup").exists()
    assert media_digests(settings.MEDIA_ROOT) == media


def test_a_damaged_archive_fails_verification_and_the_failure_is_recorded(archive):
    from backups.models import BackupRun

    _tamper_media(archive)

    with pytest.raises(CommandError):
        call_command("backup", "--verify", str(archive), "--quiet")

    failed = BackupRun.objects.get(kind=BackupRun.Kind.VERIFY)
    assert not failed.ok and "media/original_images/" in failed.message


def test_restore_without_force_refuses_a_database_that_has_data(archive):
    rows = postgres_rows(connection.settings_dict["NAME"])

    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive), "--quiet")

    assert postgres_rows(connection.settings_dict["NAME"]) == rows
    assert get_user_model().objects.filter(username="joined-after-the-backup").exists()
