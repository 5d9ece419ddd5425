"""The issue's "done when", in Chromium: a seeker signs up in Arabic on a phone, a host in German; a partner's
editor runs the dry run, reviews and sends; both accept by link, each gets the other's contact and nobody else
does; the feedback link is answered."""

import re

import pytest
from django.utils import timezone

from matching.housekeeping import matching_housekeeping
from matching.models import CompanyRequest, Proposal
from matching.vocabulary import ProposalStatus
from outbox.services import outbox_deliver_due
from tests.core.browser_audit import SCREENSHOTS

from .conftest import link_in, signup_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _mail_to(mailoutbox, address: str, name: str):
    outbox_deliver_due()
    return [m for m in mailoutbox if m.to == [address] and f"/{name}/" in m.body][-1]


def _sign_up(page, base: str, url: str, *, name: str, email: str, phone: str, shot: str) -> None:
    page.goto(base + url)
    page.locator("#id_first_name").fill(name)
    page.locator("#id_age_band").select_option("65-79")
    page.locator("#id_place_0").fill("50667")
    for value in ("meal", "2026-12-24-evening", "de", "ar"):
        box = page.locator(f"input[type=checkbox][value='{value}']").first
        if not box.is_checked():
            box.check()
    page.locator("#id_phone").fill(phone)
    page.locator("#id_email").fill(email)
    page.locator("#id_consent").check()
    page.screenshot(path=str(SCREENSHOTS / f"company-journey-{shot}-form.png"), full_page=True)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/company/thanks/"))


def _follow(page, link: str, button: str, shot: str) -> None:
    page.goto(page.base + link)
    page.locator(button).click()
    page.wait_for_load_state()
    page.screenshot(path=str(SCREENSHOTS / f"company-journey-{shot}.png"), full_page=True)


def test_arabic_seeker_and_german_host_meet_through_a_partner(live_server, browser, phone_page, campaign, areas,
                                                              editor_a, no_wait, mailoutbox):
    partner_a = areas[0]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone_page.base = base = live_server.url
    people = (("seek", "ar", "فاطمة", "fatima@example.org", "0176 111", "ar-seeker"),
              ("offer", "de", "Jutta", "jutta@example.org", "0221 333", "de-host"))
    for role, language, name, email, phone, shot in people:
        _sign_up(phone_page, base, signup_url(campaign, role, language), name=name, email=email, phone=phone,
                 shot=shot)
        confirm = link_in(_mail_to(mailoutbox, email, "confirm"), "confirm")
        _follow(phone_page, confirm, "form button", f"{shot}-confirmed")
    assert set(CompanyRequest.objects.values_list("status", "partner", "language")) == {
        ("waiting", partner_a.pk, "ar"), ("waiting", partner_a.pk, "de")}

    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    admin.goto(f"{base}/admin/login/")
    admin.locator("#id_username").fill(editor_a.username)
    admin.locator("#id_password").fill("password")
    admin.locator("form button[type=submit]").click()
    admin.wait_for_url(re.compile(r"/admin/$"))
    admin.goto(f"{base}/admin/matching/?campaign={campaign.pk}&section={partner_a.pk}")
    admin.locator("form[action$='/dry-run/'] button").click()
    admin.wait_for_load_state()
    drafts = admin.locator("table.listing").first.inner_text()
    assert "فاطمة" in drafts and "Jutta" in drafts and "km" in drafts
    admin.screenshot(path=str(SCREENSHOTS / "company-journey-partner-review.png"), full_page=True)
    admin.locator("form[action$='/send/'] button").click()
    admin.wait_for_load_state()
    assert Proposal.objects.get().status == ProposalStatus.SENT

    for _role, _language, _name, email, _phone, shot in people:
        _follow(phone_page, link_in(_mail_to(mailoutbox, email, "answer"), "answer"),
                "button[name=answer][value=yes]", f"{shot}-accepted")
    outbox_deliver_due()
    contact = {m.to[0]: m.body for m in mailoutbox if "0176 111" in m.body or "0221 333" in m.body}
    assert set(contact) == {"fatima@example.org", "jutta@example.org"}  # nobody else got either number
    assert "0221 333" in contact["fatima@example.org"] and "jutta@example.org" in contact["fatima@example.org"]
    assert "0176 111" in contact["jutta@example.org"] and "fatima@example.org" in contact["jutta@example.org"]

    matching_housekeeping(now=timezone.make_aware(timezone.datetime(2026, 12, 27, 12)))
    phone_page.goto(base + link_in(_mail_to(mailoutbox, "fatima@example.org", "feedback"), "feedback"))
    phone_page.locator("input[name=outcome][value=met]").check()
    phone_page.locator("form button[type=submit]").last.click()
    phone_page.wait_for_load_state()
    phone_page.screenshot(path=str(SCREENSHOTS / "company-journey-ar-seeker-feedback.png"), full_page=True)
    assert Proposal.objects.get().seeker_outcome == "met"
    assert phone_page.console_errors == []
