"""On a phone, in German and Arabic: the "become a tandem" form explains a mistake, keeps what was typed, and
sends the application once it is put right."""

import os

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tandems.models import TandemPage

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
SCREENSHOTS = settings.BASE_DIR / "test-artifacts" / "tandems"


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_mentor_applies_from_a_phone(live_server, phone_page, partner_a, language, settings):
    settings.TIPS_MIN_SECONDS = 0
    page = phone_page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{live_server.url}/{language}/become-a-tandem/")
    page.select_option("select[name=partner]", str(partner_a.pk))
    page.fill("input[name=newcomer_name]", "سميرة" if language == "ar" else "Samira")
    page.fill("input[name=mentor_name]", "Jonas")
    page.fill("input[name=place_0]", "50667")
    page.fill("input[name=looking_for]", "Ausbildung als Tischlerin")
    page.fill("textarea[name=story]", "Samira kam 2023 nach Köln und sucht eine Ausbildung.")
    page.fill("input[name=email]", "jonas@example.org")
    page.screenshot(path=str(SCREENSHOTS / f"apply-{language}-phone.png"), full_page=True)
    page.locator("form button[type=submit]").click()  # the newcomer's consent is missing

    expect(page.locator(".error-summary")).to_be_visible()  # waits for the answer to the post
    assert page.input_value("textarea[name=story]") == "Samira kam 2023 nach Köln und sucht eine Ausbildung."
    page.screenshot(path=str(SCREENSHOTS / f"apply-error-{language}-phone.png"))
    page.check("input[name=consent]")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/become-a-tandem/thanks/")
    assert TandemPage.objects.get(mentor_email="jonas@example.org").get_parent().pk == partner_a.pk
    assert page.console_errors == []
