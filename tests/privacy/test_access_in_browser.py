"""The 'your data' pages in Chromium, German and Arabic, phone and desktop: the ask, the list, the erase button.

Screenshots go to test-artifacts/screenshots/ for a person to look at.
"""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import signing

from privacy.selectors import ACCESS_LINK_SALT
from tips.models import Tip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(django_settings.BASE_DIR) / "test-artifacts" / "screenshots"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_person_sees_their_data_and_the_erase_button(live_server, phone_page, desktop_page, partner_a, language):
    Tip.objects.create(appeal=partner_a.appeal, partner=partner_a, kind="job", name="Amal Haddad",
                       email="amal@example.org", phone="+49 170 555", message="أعرف ورشة في Köln تبحث عن متدربة.")
    token = signing.TimestampSigner(salt=ACCESS_LINK_SALT).sign("amal@example.org")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size, page in (("phone", phone_page), ("desktop", desktop_page)):
        page.goto(f"{live_server.url}/{language}/my-data/")
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        assert page.locator("input[type=email]").get_attribute("dir") == "ltr"
        page.screenshot(path=str(SCREENSHOTS / f"privacy-request-{language}-{size}.png"), full_page=True)
        page.goto(f"{live_server.url}/{language}/my-data/{token}/")
        assert page.get_by_text("Amal Haddad").is_visible()
        assert page.locator("form button[type=submit]").is_visible()
        page.screenshot(path=str(SCREENSHOTS / f"privacy-data-{language}-{size}.png"), full_page=True)
