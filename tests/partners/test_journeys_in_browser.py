"""Two journeys in Chromium: a visitor finds a partner through an appeal; a story goes live via moderation."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from home.models import FeaturedAppeal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_goes_from_home_to_an_appeal_to_its_partner(live_server, phone_page, partner_a):
    home = Page.objects.get(depth=2, locale__language_code="de").specific
    FeaturedAppeal.objects.create(home=home, appeal=partner_a.appeal)

    phone_page.goto(f"{live_server.url}/de/")
    phone_page.get_by_role("link", name=partner_a.appeal.title).first.click()
    expect(phone_page.locator("h1")).to_have_text(partner_a.appeal.title)
    phone_page.locator(".facts").get_by_role("link", name=partner_a.title).click()

    expect(phone_page.locator("h1")).to_have_text(partner_a.title)
    expect(phone_page.locator(".partner-header")).to_contain_text(partner_a.title)
    assert phone_page.console_errors == []


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("password")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_a_story_edit_goes_live_only_after_the_moderator_approves(live_server, browser, partner_a, editor_a,
                                                                  moderator_a):
    tandem = partner_a.tandem
    tandem.story = [("text", "<p>Amal sucht eine Stelle.</p>")]
    tandem.save_revision().publish()
    edit_url = f"{live_server.url}/admin/pages/{tandem.pk}/edit/"
    public_url = f"{live_server.url}{tandem.url}"

    editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _log_in(editor, live_server.url, editor_a.username)
    editor.goto(edit_url)
    text = editor.locator(".Draftail-Editor [contenteditable=true]").first
    text.click()
    editor.keyboard.press("Control+A")
    editor.keyboard.type("Amal hat ein Vorstellungsgespräch!")
    # Draftail writes to its hidden input a moment after typing; submitting earlier would save the old text.
    expect(editor.locator('input[name="story-0-value"]')).to_have_value(re.compile("Vorstellungsgespr"))
    editor.locator("[data-w-dropdown-target=toggle]").filter(has=editor.locator(".icon-arrow-up")).first.click()
    editor.get_by_role("button", name=re.compile("Submit to|Zur Prüfung|Einreichen")).click()
    editor.wait_for_url(re.compile(rf"/admin/pages/{partner_a.pk}/$"))
    assert "Vorstellungsgespräch" not in editor.request.get(public_url).text()

    moderator = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _log_in(moderator, live_server.url, moderator_a.username)
    moderator.goto(edit_url)
    moderator.locator("[data-w-dropdown-target=toggle]").filter(has=moderator.locator(".icon-arrow-up")).first.click()
    moderator.get_by_role("button", name=re.compile(r"^(Approve|Genehmigen|Freigeben)", re.I)).first.click()
    moderator.wait_for_url(re.compile(rf"/admin/pages/{partner_a.pk}/$"))

    visitor = browser.new_context().new_page()
    visitor.goto(public_url)
    expect(visitor.locator(".story")).to_contain_text("Amal hat ein Vorstellungsgespräch!")
