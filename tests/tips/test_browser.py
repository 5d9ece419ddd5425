"""A visitor on a phone gives a tip in German, English and Arabic; the map page shows the appeals."""

import os

import pytest

from tips.models import Tip

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_phone_visitor_gives_a_tip_and_sees_the_confirmation(live_server, phone_page, partner_a, language, settings):
    settings.TIPS_MIN_SECONDS = 1
    page = phone_page
    page.goto(f"{live_server.url}{partner_a.appeal.url.replace('/de/', f'/{language}/')}?via=poster")
    page.locator(".appeal-actions button[type=submit]").click()
    page.locator("textarea[name=message]").fill("Die Tischlerei Berg in Köln-Ehrenfeld bildet aus.")
    page.locator("input[name=place_0]").fill("Köln")
    page.locator("#point-picker-map").click()  # drop a pin by tapping the map
    page.locator("input[name=email]").fill("eva@example.org")
    page.locator("input[name=consent]").check()
    page.wait_for_timeout(1000)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/tips/thanks/**")
    assert page.locator("[role=status] h1").is_visible()
    tip = Tip.objects.get()
    assert (tip.language, tip.channel, tip.partner_id, tip.has_position) == (language, "poster", partner_a.pk, True)
    assert page.console_errors == []


def test_map_page_shows_the_open_appeals(live_server, phone_page, partner_a, partner_b):
    page = phone_page
    page.goto(f"{live_server.url}/de/tips/map/")
    page.wait_for_selector("[data-map=nahbarPublicMap][data-loaded]")
    assert page.locator("[data-map=nahbarPublicMap]").get_attribute("data-loaded") == "2"
    assert page.locator(".leaflet-interactive, .map-cluster").count() >= 1
    assert page.console_errors == []
