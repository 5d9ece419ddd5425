"""Which apps hold personal data. Each module named in settings.PRIVACY_PERSONAL_DATA offers:

- `retention_due(*, before: datetime) -> QuerySet`: records whose personal data is to go (created before);
- `retention_anonymise(*, records: QuerySet, now: datetime) -> int`: remove it, keep what statistics need.

An app that starts holding personal data adds its module there, and retention covers it.
"""

from importlib import import_module
from types import ModuleType

from django.conf import settings


def personal_data_modules() -> list[ModuleType]:
    return [import_module(name) for name in settings.PRIVACY_PERSONAL_DATA]
