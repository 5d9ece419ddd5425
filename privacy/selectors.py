"""Reading what retention did and what it will do next."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import RetentionRun
from .registry import personal_data_modules

SOON_DAYS = 30


def retention_cutoff(*, now=None):
    return (now or timezone.now()) - timedelta(days=settings.TIPS_RETENTION_DAYS)


def retention_summary(*, now=None) -> dict:
    """The last run, and how many records reach the retention period within the next SOON_DAYS days."""
    now = now or timezone.now()
    soon = retention_cutoff(now=now + timedelta(days=SOON_DAYS))
    return {
        "days": settings.TIPS_RETENTION_DAYS,
        "soon_days": SOON_DAYS,
        "last_run": RetentionRun.objects.first(),
        "due_soon": sum(module.retention_due(before=soon).count() for module in personal_data_modules()),
    }
