"""Writing: the retention job removes personal data older than the retention period."""

import hashlib

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from outbox.services import email_queue_rendered

from .models import ErasureRecord, RetentionRun
from .registry import personal_data_modules
from .selectors import ACCESS_LINK_SALT, retention_cutoff


@transaction.atomic
def retention_apply(*, now=None) -> RetentionRun:
    """Anonymise every record past the retention period in every app that holds personal data."""
    now = now or timezone.now()
    before = retention_cutoff(now=now)
    anonymised = sum(
        module.retention_anonymise(records=module.retention_due(before=before), now=now)
        for module in personal_data_modules()
    )
    return RetentionRun.objects.create(anonymised=anonymised)


def _digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def access_link_send(*, email: str, language: str) -> None:
    """Mail a signed, expiring link to everything held about `email`; only its owner can open it."""
    email = email.strip().lower()
    token = signing.TimestampSigner(salt=ACCESS_LINK_SALT).sign(email)
    with translation.override(language):
        url = settings.BASE_URL + reverse("privacy:data", args=[token])
    email_queue_rendered(to=email, template="privacy/email/access_link", language=language,
                         context={"url": url, "hours": settings.PRIVACY_LINK_HOURS},
                         key=f"privacy-link-{hashlib.sha256(token.encode()).hexdigest()}")


@transaction.atomic
def personal_data_erase(*, email: str, by_user=None) -> ErasureRecord:
    """Erase what every app holds about `email`, and record that it happened (without the address)."""
    now = timezone.now()
    erased = sum(module.erase_for(email=email.strip(), now=now) for module in personal_data_modules())
    return ErasureRecord.objects.create(address_digest=_digest(email), records=erased, by_user=by_user)
