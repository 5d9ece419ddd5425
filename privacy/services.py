"""Writing: the retention job removes personal data older than the retention period."""

from django.db import transaction
from django.utils import timezone

from .models import RetentionRun
from .registry import personal_data_modules
from .selectors import retention_cutoff


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
