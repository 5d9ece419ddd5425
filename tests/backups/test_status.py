"""The dashboard and /healthz tell staff when the last good backup was made, and warn when it is old or failed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from backups.models import BackupRun
from tests.conftest import MONITOR

pytestmark = pytest.mark.django_db


def _run(kind, *, ok=True, hours_ago=1, message=""):
    moment = timezone.now() - timedelta(hours=hours_ago)
    return BackupRun.objects.create(kind=kind, ok=ok, started_at=moment, finished_at=moment, archive_created_at=moment,
                                    archive=f"nahbar-{hours_ago}.tar", size=2048, message=message)


def _dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_staff_are_told_when_no_backup_was_ever_made(client, staff):
    html = _dashboard(client, staff)

    assert 'role="alert" data-backup-status="none"' in html
    assert client.get("/healthz", headers=MONITOR).json()["backup"] == {"status": "none", "last_verified_at": None}


def test_a_recent_verified_backup_shows_as_up_to_date(client, staff):
    _run(BackupRun.Kind.BACKUP, hours_ago=2)
    verified = _run(BackupRun.Kind.VERIFY, hours_ago=2)

    html = _dashboard(client, staff)

    assert 'data-backup-status="ok"' in html and 'role="alert"' not in html
    assert "nahbar-2.tar" in html
    assert client.get("/healthz", headers=MONITOR).json()["backup"] == {
        "status": "ok", "last_verified_at": verified.archive_created_at.isoformat()}


def test_a_verified_backup_older_than_26_hours_is_a_warning_but_not_a_failed_health_check(client, staff):
    _run(BackupRun.Kind.BACKUP, hours_ago=27)
    _run(BackupRun.Kind.VERIFY, hours_ago=27)

    html = _dashboard(client, staff)
    health = client.get("/healthz", headers=MONITOR)

    assert 'role="alert" data-backup-status="stale"' in html
    assert health.status_code == 200 and health.json()["backup"]["status"] == "stale"


def test_a_failed_last_run_is_shown_with_its_reason(client, staff):
    _run(BackupRun.Kind.BACKUP, hours_ago=3)
    _run(BackupRun.Kind.VERIFY, hours_ago=3)
    _run(BackupRun.Kind.BACKUP, ok=False, hours_ago=1, message="pg_dump failed: <no space left on device>")

    html = _dashboard(client, staff)

    assert 'role="alert" data-backup-status="failed"' in html
    assert "pg_dump failed: &lt;no space left on device&gt;" in html
    assert client.get("/healthz", headers=MONITOR).json()["backup"]["status"] == "failed"


def test_partner_editors_do_not_see_the_backup_panel(client, editor_a):
    assert "data-backup-status" not in _dashboard(client, editor_a)
