"""The admin's place field in Chromium: a pin dropped on the map fills the place, no coordinates typed."""

import pytest
from playwright.sync_api import expect

from appeals.models import AppealPage
from tests.tips.test_inbox_browser import _admin_page, _log_in, _shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_an_editor_drops_a_pin_for_an_appeal(live_server, browser, partner_a, editor_a, language):
    context, page = _admin_page(browser, editor_a, language)
    _log_in(page, live_server.url, editor_a)
    page.goto(f"{live_server.url}/admin/pages/{partner_a.appeal.pk}/edit/")
    picker = page.locator("[data-point-picker]")
    expect(picker.locator(".leaflet-container")).to_be_visible()
    picker.locator("input[name=place_0]").fill("")
    picker.locator(".leaflet-container").click(position={"x": 120, "y": 80})
    expect(picker.locator("input[name=place_1]")).not_to_have_value("")
    picker.scroll_into_view_if_needed()
    _shot(page, f"admin-place-field-{language}")
    page.locator("form#page-edit-form button[type=submit]").first.click()
    page.wait_for_load_state()
    draft = AppealPage.objects.get(pk=partner_a.appeal.pk).get_latest_revision_as_object()
    assert draft.latitude != 50.94 and draft.town  # the pin, named after its nearest town
    context.close()
