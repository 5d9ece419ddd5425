"""Nobody has to remember: the nightly task backs up, verifies that archive and rotates, through a real worker."""

import time

import pytest
from django.conf import settings

from backups.models import BackupRun
from backups.retention import archive_name_for
from tests.conftest import MONITOR

pytestmark = pytest.mark.django_db(transaction=True)


def test_beat_runs_the_nightly_backup_task():
    from portal.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["backups-nightly"]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks


def test_nightly_task_backs_up_verifies_and_rotates(celery_worker, settings, backup_dir, remote_storage, client):
    from datetime import UTC, datetime

    from backups.tasks import backup_nightly

    settings.BACKUP_KEEP_DAILY, settings.BACKUP_KEEP_WEEKLY, settings.BACKUP_KEEP_MONTHLY = 1, 0, 0
    old = archive_name_for(datetime(2026, 1, 1, 3, tzinfo=UTC))
    for folder in (backup_dir, remote_storage):
        folder.mkdir(parents=True)
        (folder / old).write_bytes(b"an old archive")

    backup_nightly.delay()
    verification = _wait_for(kind=BackupRun.Kind.VERIFY)

    assert verification.ok, verification.message
    (archive,) = backup_dir.glob("nahbar-*.tar")
    assert archive.name == verification.archive != old
    assert (remote_storage / archive.name).read_bytes() == archive.read_bytes()
    assert not (backup_dir / old).exists() and not (remote_storage / old).exists()
    assert client.get("/healthz", headers=MONITOR).json()["backup"]["status"] == "ok"


def _wait_for(*, kind: str, seconds: float = 60) -> BackupRun:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        run = BackupRun.objects.filter(kind=kind).first()
        if run:
            return run
        time.sleep(0.2)
    raise AssertionError(f"No {kind} run was recorded within {seconds} s: {list(BackupRun.objects.all())}")
