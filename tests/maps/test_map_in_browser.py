"""The public map in Chromium: its own base layer (land, rivers, towns) and no outside host by default, outside
tiles only after the visitor switches them on (remembered), every open appeal in view, and a list instead of an
empty box without JavaScript."""

import pytest

from appeals.factories import AppealPageFactory
from tests.core.browser_audit import PHONE, record_outside_requests

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOWNS = {"Berlin": (52.52, 13.405), "Freiburg": (47.99, 7.85), "Kiel": (54.32, 10.12)}


@pytest.fixture
def appeals_far_apart(partner_a):
    for town, (lat, lon) in TOWNS.items():
        AppealPageFactory(parent=partner_a, title=f"Appeal in {town}", town=town, latitude=lat, longitude=lon)
    return {**TOWNS, "Köln": (partner_a.appeal.latitude, partner_a.appeal.longitude)}


def _map_ready(page):
    page.wait_for_function("() => document.querySelector('[data-map]')?.dataset.loaded !== undefined")


def test_the_map_shows_every_open_appeal_on_a_phone_and_asks_no_other_host(live_server, browser, appeals_far_apart):
    context = browser.new_context(viewport=PHONE)
    outside = record_outside_requests(context)
    page = context.new_page()
    page.goto(f"{live_server.url}/de/tips/map/")
    _map_ready(page)

    for town, (lat, lon) in appeals_far_apart.items():
        assert page.evaluate("([lat, lon]) => document.querySelector('[data-map]').nahbarMap.getBounds()"
                             ".contains([lat, lon])", [lat, lon]), town
    assert page.locator(".map-land--home").count() >= 3  # our own base layer: Germany, Austria, Switzerland
    # Rivers and towns are painted over the land (SVG paints in document order), not hidden under it.
    page.wait_for_selector(".map-town", state="attached")  # the base layer arrives on its own
    order = page.evaluate("() => [...document.querySelectorAll('.map-land, .map-river, .map-town')]"
                          ".map(path => path.classList[0])")
    assert "map-river" in order and "map-town" in order
    assert max(i for i, kind in enumerate(order) if kind == "map-land") < order.index("map-river")
    assert page.locator(".leaflet-tile").count() == 0
    assert outside == []
    context.close()


def test_outside_tiles_load_only_after_the_visitor_switches_them_on_and_stay_on(live_server, browser, partner_a):
    context = browser.new_context(viewport=PHONE)
    outside = record_outside_requests(context)
    page = context.new_page()
    page.goto(f"{live_server.url}/de/tips/map/")
    _map_ready(page)
    note = page.locator(".map-tiles-switch p").inner_text()
    assert "tile.openstreetmap.org" in note and "IP" in note

    page.locator(".map-tiles-switch button").click()
    page.wait_for_timeout(500)
    assert outside and all("tile.openstreetmap.org" in url for url in outside)

    outside.clear()
    page.reload()
    _map_ready(page)
    page.wait_for_timeout(500)
    assert outside, "the choice is remembered in this browser"
    page.locator(".map-tiles-switch button").click()  # and can be taken back
    assert page.evaluate("localStorage.getItem('nahbar-map-tiles')") is None
    context.close()


def test_without_javascript_the_map_page_lists_the_appeals_and_says_why(live_server, browser, appeals_far_apart):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/de/tips/map/")

    assert page.locator(".map-fallback").is_visible()
    assert page.locator(".map-list__items li").count() == len(appeals_far_apart)
    context.close()


def test_a_crowd_in_one_town_lists_its_appeals_when_tapped(live_server, browser, partner_a):
    lat, lon = partner_a.appeal.latitude, partner_a.appeal.longitude
    for number in range(3):
        AppealPageFactory(parent=partner_a, title=f"Also in Köln {number}", town="Köln", latitude=lat, longitude=lon)
    context = browser.new_context(viewport=PHONE)
    record_outside_requests(context)
    page = context.new_page()
    page.goto(f"{live_server.url}/de/tips/map/")
    _map_ready(page)

    page.locator(".map-cluster").first.click()

    assert page.locator(".map-popup-list li").count() == 4
    context.close()
