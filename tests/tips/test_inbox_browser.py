"""A partner's day with the tips inbox in Chromium, per role, in German and in Arabic (right to left).

New tip on the dashboard → read it → reply → assign → mark it as the cause of "job found" → the appeal is
closed in all three languages. Screenshots of the reading view and the list go to test-artifacts/screenshots/
for a person to look at (nothing is compared automatically).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from appeals.models import AppealPage
from outbox.services import outbox_deliver_due
from tests.conftest import DESKTOP, PHONE, _only_loopback
from tests.localization.conftest import translate_page
from tips.models import Tip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = Path(django_settings.BASE_DIR) / "test-artifacts" / "screenshots"
MESSAGE = {"de": "Die Bäckerei Schmitz in Köln-Kalk sucht ab März eine Verkäuferin. Fragen Sie nach Frau Schmitz.",
           "ar": "مخبز شميتس في كولونيا-كالك يبحث عن بائعة ابتداءً من مارس. اسألوا عن السيدة شميتس."}
REPLY = {"de": "Danke! Wir melden uns bei der Bäckerei.", "ar": "شكرًا جزيلًا! سنتواصل مع المخبز."}


def _admin_page(browser, user, language, viewport=DESKTOP):
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language=language)
    context = browser.new_context(viewport=viewport, locale=language)
    context.route("**/*", _only_loopback)
    return context, context.new_page()


def _log_in(page, base_url, user):
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill("password")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def _shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _act(page, action, fill=None, select=None):
    box = page.locator(f"#tip-action-{action}")
    if box.get_attribute("open") is None:
        box.locator("summary").click()
    if fill:
        box.locator("textarea").fill(fill)
    if select:
        box.locator("select").first.select_option(select)
    box.locator("button[type=submit]").click()
    expect(page.locator(".messages .success").first).to_be_visible()


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("role", ["moderator_a", "editor_a", "staff"])
def test_a_day_with_the_tips_inbox(live_server, browser, request, partner_a, moderator_a, role, language):
    user = request.getfixturevalue(role)
    colleague = moderator_a if role != "moderator_a" else request.getfixturevalue("editor_a")
    translations = [translate_page(partner_a.appeal, code, title=f"Appeal A ({code})") for code in ("en", "ar")]
    tip = Tip.objects.create(appeal=partner_a.appeal, partner=partner_a, kind="job", message=MESSAGE[language],
                             name="Eva", email="eva@example.org", consent=True, town="Köln-Kalk",
                             latitude=50.94, longitude=7.01, channel="whatsapp", language=language)
    context, page = _admin_page(browser, user, language)

    _log_in(page, live_server.url, user)
    panel = page.locator("#tips-inbox-section")
    expect(panel).to_contain_text(f"#{tip.pk}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    panel.get_by_role("link", name=re.compile(f"#{tip.pk}")).click()

    expect(page.locator(".tip-reading__message")).to_have_text(MESSAGE[language])
    page.locator(".tip-reading__contact a.button").click()
    expect(page.locator(".tip-reading__contact")).to_contain_text("eva@example.org")
    expect(page.locator(".tip-reading__map .leaflet-interactive")).to_have_count(1)
    _shot(page, f"tip-reading-{language}-{role}")
    _act(page, "reply", fill=REPLY[language])
    _act(page, "assign", select=str(colleague.pk))
    _act(page, "outcome", select="job_found")
    expect(page.locator(".tip-reading__history")).to_contain_text(REPLY[language])

    for appeal in [partner_a.appeal, *translations]:
        assert AppealPage.objects.get(pk=appeal.pk).closed_reason == "job_found"
        visitor = context.new_page()
        visitor.goto(f"{live_server.url}/{appeal.locale.language_code}/tips/appeal/{partner_a.appeal.pk}/")
        expect(visitor.locator(".tip-form__notice")).to_be_visible()
        visitor.close()
    tip.refresh_from_db()
    assert tip.assigned_to == colleague and tip.outcome_key is not None

    outbox_deliver_due()
    reply = [message for message in mail.outbox if message.to == ["eva@example.org"]]
    assert len(reply) == 1 and REPLY[language] in reply[0].body
    assert ("مرحبًا" if language == "ar" else "Hallo") in reply[0].body  # in the tipster's language

    page.goto(f"{live_server.url}/admin/snippets/tips/tip/")
    expect(page.locator("table.listing")).to_contain_text(MESSAGE[language][:40])
    _shot(page, f"tip-list-{language}-{role}")
    if role == "moderator_a":
        phone = context.new_page()
        phone.set_viewport_size(PHONE)
        phone.goto(f"{live_server.url}/admin/snippets/tips/tip/inspect/{tip.pk}/")
        _shot(phone, f"tip-reading-{language}-phone")
    context.close()
