"""What the dashboard and /healthz say about backups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from .models import BackupRun


@dataclass(frozen=True)
class BackupStatus:
    """`status` is "ok", "stale" (the newest verified archive is too old), "failed" (the last run failed)
    or "none" (no run yet)."""

    status: str
    last_backup: BackupRun | None
    last_verification: BackupRun | None
    last_run: BackupRun | None

    @property
    def needs_attention(self) -> bool:
        return self.status != "ok"


def backup_status() -> BackupStatus:
    last_run = BackupRun.objects.order_by("-finished_at").first()
    last_backup = BackupRun.objects.filter(kind=BackupRun.Kind.BACKUP, ok=True).order_by("-finished_at").first()
    # The newest verified *archive* counts, not the newest verification: re-verifying an old archive
    # does not make the data any fresher.
    last_verification = (BackupRun.objects.filter(kind=BackupRun.Kind.VERIFY, ok=True)
                         .order_by("-archive_created_at", "-finished_at").first())
    if last_run is None:
        status = "none"
    elif not last_run.ok:
        status = "failed"
    elif last_verification is None or last_verification.archive_created_at < timezone.now() - timedelta(
            hours=settings.BACKUP_STALE_HOURS):
        status = "stale"
    else:
        status = "ok"
    return BackupStatus(status=status, last_backup=last_backup, last_verification=last_verification,
                        last_run=last_run)


def backup_health() -> dict:
    """The backup part of /healthz: information only, it never makes the health check fail."""
    try:
        state = backup_status()
    except DatabaseError:
        return {"status": "unknown", "last_verified_at": None}
    verified = state.last_verification
    return {"status": state.status,
            "last_verified_at": verified.archive_created_at.isoformat() if verified else None}
