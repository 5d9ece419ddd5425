"""Helpers for translated pages; the partners, tandems and users come from tests/conftest.py."""

import pytest
from wagtail.models import Locale


def translate_page(page, code: str, **fields):
    """Publish `page` in language `code` (parents get aliases if untranslated), with `fields` set."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def tandem_in_english(partner_a):
    return translate_page(partner_a.tandem, "en", title="Tandem A in English")
