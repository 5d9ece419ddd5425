"""Which apps hold personal data. Each module named in settings.PRIVACY_PERSONAL_DATA offers:

- `retention_due(*, before: datetime) -> QuerySet`: records whose personal data is to go (created before);
- `retention_anonymise(*, records: QuerySet, now: datetime) -> int`: remove it, keep what statistics need;
- `held_for(*, email: str) -> list[list[tuple[str, str]]]`: records held about that address, each as
  (label, value) pairs for the person to read;
- `erase_for(*, email: str, now: datetime) -> int`: remove it on request.

An app that starts holding personal data adds its module there, and retention covers it.
"""

from importlib import import_module
from types import ModuleType

from django.conf import settings


def personal_data_modules() -> list[ModuleType]:
    """The modules in settings.PRIVACY_PERSONAL_DATA; each names its kind of data in KIND (translatable)."""
    return [import_module(name) for name in settings.PRIVACY_PERSONAL_DATA]
