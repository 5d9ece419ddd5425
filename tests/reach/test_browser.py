"""On a phone, in German and Arabic: sharing carries its channel, a WhatsApp visit and tip are counted under
WhatsApp, and no page asks anything of another host until the visitor taps a share link."""

import os
import time
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings

from reach.models import VisitDay
from tips.models import Tip

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
SCREENSHOTS = settings.BASE_DIR / "test-artifacts" / "reach"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# A stand-in for the phone's own share sheet (headless Chromium on Linux has none): it records what it was given.
SHARE_SHEET = "navigator.share = (data) => { window.sharedWith = data; return Promise.resolve(); };"


def _hosts(page) -> list[str]:
    hosts: list[str] = []
    # On the context, so tabs a share link opens are logged too.
    page.context.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or request.url[:5]))
    return hosts


def _wait_for_visits(expected: int) -> None:
    for _attempt in range(50):
        if sum(VisitDay.objects.values_list("count", flat=True)) >= expected:
            return
        time.sleep(0.1)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_share_link_carries_its_channel_and_the_share_sheet_too(
        live_server, phone_page, partner_a, appeal_in_arabic, language):
    appeal = partner_a.appeal if language == "de" else appeal_in_arabic
    page = phone_page
    page.add_init_script(SHARE_SHEET)
    page.goto(f"{live_server.url}{appeal.url}")

    for link in page.locator(".share-bar__links a[data-channel]").all():
        channel = link.get_attribute("data-channel")
        assert f"{appeal.url}?via={channel}" in unquote(link.get_attribute("href")), channel
    page.locator(".share-bar__sheet").click()
    assert page.evaluate("window.sharedWith.url") == f"{live_server.url}{appeal.url}?via=share"

    links = page.locator(".share-bar__links > li")
    first, second = links.nth(0).bounding_box(), links.nth(1).bounding_box()
    assert (first["x"] > second["x"]) == (language == "ar")  # Arabic reads, and lines up, from the right
    page.locator(".share-bar").scroll_into_view_if_needed()
    page.locator(".share-bar__copy summary").last.click()  # "copy link" opens the link to copy
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"share-bar-{language}-phone.png"))
    assert page.console_errors == []


def test_a_tip_through_a_whatsapp_link_counts_under_whatsapp_and_so_does_the_job_it_led_to(
        live_server, phone_page, partner_a, appeal_in_arabic, editor_a, moderator_a, client, settings):
    settings.TIPS_MIN_SECONDS = 1
    page = phone_page
    page.goto(f"{live_server.url}{partner_a.appeal.url}?via=whatsapp")  # where the WhatsApp message leads
    page.locator(".appeal-actions button[type=submit]").click()
    page.locator("textarea[name=message]").fill("Die Tischlerei Berg in Köln-Ehrenfeld bildet aus.")
    page.wait_for_timeout(1100)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/tips/thanks/**")
    assert page.locator(".share-onwards").is_visible()  # and is asked to share the appeal onwards
    _wait_for_visits(1)

    assert Tip.objects.get().channel == "whatsapp"
    assert VisitDay.objects.get(page_id=partner_a.appeal.pk).channel == "whatsapp"
    client.force_login(editor_a)
    html = client.get("/admin/reach/statistics/").content.decode()
    row = html[html.index(">whatsapp</th>"):]
    row = row[:row.index("</tr>")]
    assert row.count("</svg>1</td>") == 2 and row.endswith("</svg>0</td>")  # one visit, one tip, no outcome yet

    client.force_login(moderator_a)  # the partner's moderator marks the tip as the cause of "job found"
    reading = f"/admin/snippets/tips/tip/inspect/{Tip.objects.get().pk}/"
    client.post(reading, {"action": "outcome", "status": "job_found", "on": "2026-11-20"})
    html = client.get("/admin/reach/statistics/").content.decode()
    row = html[html.index(">whatsapp</th>"):]
    assert row[:row.index("</tr>")].count("</svg>1</td>") == 3  # one visit, one tip, one outcome
    for appeal, found in ((partner_a.appeal, "Gefunden"), (appeal_in_arabic, "تم العثور عليه")):
        page.goto(f"{live_server.url}{appeal.url}")
        assert page.locator(".state--found").inner_text() == found
        page.screenshot(path=str(SCREENSHOTS / f"appeal-found-{appeal.locale.language_code}-phone.png"))


@pytest.mark.parametrize("language", ["de", "ar"])
def test_no_page_asks_another_host_for_anything_until_a_share_link_is_tapped(
        live_server, phone_page, partner_a, appeal_in_arabic, language):
    appeal = partner_a.appeal if language == "de" else appeal_in_arabic
    page = phone_page
    hosts = _hosts(page)
    for url in (appeal.url, partner_a.tandem.url, f"/{language}/tips/thanks/?appeal={appeal.pk}"):
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("networkidle")
    assert hosts and set(hosts) <= LOOPBACK, hosts

    with page.context.expect_page() as opened:
        page.locator('.share-bar__links a[data-channel="whatsapp"]').click()
    opened.value.wait_for_load_state()
    assert "wa.me" in hosts  # only now, and only because the visitor tapped
