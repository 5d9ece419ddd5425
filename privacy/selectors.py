"""Reading what retention did and what it will do next."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import RetentionRun
from .registry import personal_data_modules

SOON_DAYS = 30
ACCESS_LINK_SALT = "privacy.access-link"


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


def personal_data_held(*, email: str) -> list[dict]:
    """What each app holds about an e-mail address: [{"kind": ..., "records": [...]}], empty kinds left out."""
    held = [{"kind": module.KIND, "records": module.held_for(email=email)} for module in personal_data_modules()]
    return [section for section in held if section["records"]]


def access_link_email(*, token: str, max_age: int) -> str | None:
    """The address a signed access link was made for, or None when it is forged or older than max_age seconds."""
    try:
        return signing.TimestampSigner(salt=ACCESS_LINK_SALT).unsign(token, max_age=max_age)
    except signing.BadSignature:
        return None
