from pathlib import Path

import pytest
from django.conf import settings

from tests.localization.conftest import translate_page

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "reach"


@pytest.fixture
def artifacts() -> Path:
    """A folder for pictures and PDFs the test run leaves for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def appeal_in_arabic(partner_a):
    return translate_page(partner_a.appeal, "ar", title="نبحث عن تدريب مهني في النجارة لأمل",
                          summary="أمل تبحث عن تدريب مهني في كولونيا.", town="كولونيا")
