"""Back up the PostgreSQL test database with real content and restore it into a new database on the same server."""

import io
import json
import threading

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

from backups.models import BackupRun
from tests.backups.conftest import manage, media_digests, pages_html, portal_env, postgres_rows, postgres_url
from tests.backups.content import content_build

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


# Runs alone and with its neighbours (passed in this session's targeted runs), but in the whole suite, as the first
# transactional test after the new non-transactional ones, its set-up errors; not yet understood. The
# all-or-nothing restore of issue 17 keeps its own tests in tests/faults. Open work for the next session.
def test_postgres_portal_survives_backup_and_restore_into_an_empty_database(scratch_database, backup_dir, tmp_path,
                                                                           client):
    paths = list(content_build().values())
    rows_before = postgres_rows(connection.settings_dict["NAME"])
    progress = io.StringIO()

    call_command("backup", stderr=progress)
    (archive,) = backup_dir.glob("nahbar-*.tar")
    restored_env = {**portal_env(tmp_path / "restored", postgres_url(scratch_database)),
                    "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    manage("restore", str(archive), env=restored_env)

    assert "rows" in progress.getvalue() and "files" in progress.getvalue()
    assert postgres_rows(scratch_database) == rows_before
    assert min(rows_before[table][0] for table in ("tips_tip", "wagtaildocs_document", "wagtailmedia_media")) > 0
    assert media_digests(tmp_path / "restored" / "test-media") == media_digests(settings.MEDIA_ROOT)
    served = {path: client.get(path) for path in paths}
    assert pages_html(paths, restored_env) == {path: response.content.decode() for path, response in served.items()}


@pytest.mark.django_db(transaction=True)
def test_verify_restores_into_a_scratch_database_and_records_the_run(backup_dir):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    default_storage.save("documents/minutes.txt", ContentFile(b"Minutes of the partner meeting"))
    call_command("backup", "--quiet")
    (archive,) = backup_dir.glob("nahbar-*.tar")
    databases = _database_names()
    report = io.StringIO()

    call_command("backup", "--verify", archive.name, stderr=report)

    verification = BackupRun.objects.get(kind=BackupRun.Kind.VERIFY)
    assert verification.ok and verification.archive == archive.name
    assert _database_names() == databases  # the scratch database is gone again


def _database_names() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database")
        return {name for (name,) in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_backup_taken_while_pages_are_written_restores_to_a_consistent_state(backup_dir):
    """Each write adds a page and its revision in one transaction; the archive must never hold half of one."""
    from wagtail.models import Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code="de")
    home = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    before = {"pages": Page.objects.count(), "revisions": _revisions()}
    stop, written = threading.Event(), []

    def write_pages():
        try:
            while not stop.is_set():
                with transaction.atomic():
                    page = home.add_child(instance=Page(title=f"Busy {len(written)}", slug=f"busy-{len(written)}"))
                    page.save_revision().publish()
                written.append(page.pk)
        finally:
            connection.close()

    writer = threading.Thread(target=write_pages)
    writer.start()
    while not written:
        stop.wait(0.01)
    written_at_start = len(written)
    try:
        call_command("backup", "--quiet")
    finally:
        written_during = len(written) - written_at_start
        stop.set()
        writer.join()
    (archive,) = backup_dir.glob("nahbar-*.tar")
    call_command("backup", "--verify", archive.name, "--quiet")  # restored counts equal the manifest's

    manifest = _manifest(archive)
    pages_in_archive = manifest["tables"]["wagtailcore_page"] - before["pages"]
    assert written_during > 0
    assert 0 < pages_in_archive < len(written)
    assert manifest["tables"]["wagtailcore_revision"] - before["revisions"] == pages_in_archive
    assert BackupRun.objects.filter(kind=BackupRun.Kind.VERIFY, ok=True).count() == 1


def _revisions() -> int:
    from wagtail.models import Revision

    return Revision.objects.count()


def _manifest(archive) -> dict:
    import tarfile

    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))
