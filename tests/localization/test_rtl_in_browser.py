"""The same appeal in de, en and ar in Chromium: direction, layout, switching, the map, arrows and an Arabic tip.

Screenshots of the Arabic appeal and map pages at phone and desktop width go to
test-artifacts/screenshots/ for a person to look at (nothing is compared automatically).
"""

import html
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from tests.localization.conftest import translate_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(django_settings.BASE_DIR) / "test-artifacts" / "screenshots"
TITLES = {"de": "Ausbildungsplatz als Elektronikerin gesucht",
          "en": "Apprenticeship as an electronics technician wanted",
          "ar": "مطلوب مكان تدريب مهني في مجال الإلكترونيات"}
ARABIC_TIP = "مرحبًا، أعرف ورشة كهرباء في Köln-Ehrenfeld تبحث عن متدربة. اتصلوا بـ info@elektro-beispiel.de – ٣ أشهر"


SUMMARIES = {"de": "Ein Elektrobetrieb in Köln, der Amal ab August ausbildet.",
             "en": "An electrical firm in Cologne that will train Amal from August.",
             "ar": "شركة كهرباء في كولونيا تدرّب أمل ابتداءً من أغسطس."}


@pytest.fixture
def appeal(live_server, request):
    """Partner A's appeal, published in German with English and Arabic translations (not load_demo: speed)."""
    appeal = request.getfixturevalue("partner_a").appeal
    appeal.title, appeal.summary, appeal.needed = TITLES["de"], SUMMARIES["de"], f"<p>{SUMMARIES['de']}</p>"
    appeal.save_revision().publish()
    for code in ("en", "ar"):
        translate_page(appeal, code, title=TITLES[code], summary=SUMMARIES[code], needed=f"<p>{SUMMARIES[code]}</p>",
                       town={"en": "Cologne", "ar": "كولونيا"}[code])
    return appeal


def _screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _direction(page) -> str:
    return page.evaluate("getComputedStyle(document.documentElement).direction")


def _starts_on_the_right(page, selector: str, within: str) -> bool:
    """Does the element's text sit nearer to the right edge of the container than to the left one?

    Measured on the text itself (a Range), since a block label's own box spans the whole width.
    """
    text = page.locator(selector).first.evaluate(
        "element => { const range = document.createRange(); range.selectNodeContents(element);"
        " const box = range.getBoundingClientRect(); return {left: box.left, right: box.right}; }")
    container = page.locator(within).first.bounding_box()
    return (container["x"] + container["width"]) - text["right"] < text["left"] - container["x"]


def test_the_same_appeal_in_three_languages_switching_keeps_the_visitor_on_it(live_server, appeal, desktop_page):
    page = desktop_page
    page.goto(f"{live_server.url}{appeal.url}")
    assert (page.locator("html").get_attribute("lang"), _direction(page)) == ("de", "ltr")
    assert page.locator("h1").first.inner_text() == TITLES["de"]

    for code, label in (("en", "English"), ("ar", "العربيّة")):
        page.locator(".language-switcher").get_by_text(label).click()
        page.wait_for_load_state()
        assert re.search(rf"/{code}/partner-a/tandem-a/appeal-a/$", page.url), page.url
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator("h1").first.inner_text() == TITLES[code]

    assert _direction(page) == "rtl"
    assert _starts_on_the_right(page, ".appeal-actions label", ".appeal-actions")
    _screenshot(page, "appeal-ar-desktop")
    assert page.console_errors == []
    page.goto(f"{live_server.url}/ar/tips/map/")  # the map's own behaviour is tested in tests/maps
    assert _direction(page) == "rtl"
    _screenshot(page, "map-ar-desktop")
    # The zoom buttons say what they do in Arabic; the map's own behaviour is tested in tests/maps.
    zoom_in = page.locator(".leaflet-control-zoom-in").first
    zoom_in.wait_for()
    assert zoom_in.get_attribute("title") == "تكبير"


def test_the_back_arrow_points_back_in_either_reading_direction(live_server, appeal, desktop_page):
    page = desktop_page
    arabic = appeal.get_translations().get(locale__language_code="ar")
    for code, pk, transform in (("de", appeal.pk, "none"), ("ar", arabic.pk, "matrix(-1, 0, 0, 1, 0, 0)")):
        page.goto(f"{live_server.url}/{code}/tips/appeal/{pk}/")
        link = page.locator(".tip-form__appeal a")
        arrow = link.locator(".flip-in-rtl")
        assert arrow.evaluate("element => getComputedStyle(element).transform") == transform, code
        # ← leads the link at its start: the left in German; in Arabic the right, mirrored to point right.
        arrow_box, link_box = arrow.bounding_box(), link.bounding_box()
        start_gap = (arrow_box["x"] - link_box["x"] if code == "de"
                     else (link_box["x"] + link_box["width"]) - (arrow_box["x"] + arrow_box["width"]))
        assert start_gap < 1, code


def test_an_arabic_tip_from_a_phone_is_stored_and_shown_intact(live_server, appeal, phone_page, settings,
                                                               client, staff):
    from tips.models import Tip

    settings.TIPS_MIN_SECONDS = 0  # the spam check takes quick test typing for a bot
    page = phone_page
    arabic = appeal.get_translations().get(locale__language_code="ar")
    page.goto(f"{live_server.url}{arabic.url}")
    _screenshot(page, "appeal-ar-phone")
    page.locator(".appeal-actions button[type=submit]").click()
    page.wait_for_load_state()

    assert _direction(page) == "rtl"
    assert _starts_on_the_right(page, "form .tip-form__field label", "form")
    _screenshot(page, "tip-form-ar-phone")
    # The consent box: a thumb-sized square at the right edge, level with the first line of its label.
    form, box = page.locator("form").bounding_box(), page.locator("#id_consent").bounding_box()
    label = page.locator("label[for=id_consent]").bounding_box()
    assert form["x"] + form["width"] - (box["x"] + box["width"]) < 1
    assert box["x"] + box["width"] >= label["x"] + label["width"]
    assert 20 <= box["width"] < 48 and abs(box["y"] - label["y"]) < 4
    page.fill("#id_message", ARABIC_TIP)
    page.fill("#id_name", "سلمى Müller")
    page.check("#id_consent")
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state()

    tip = Tip.objects.get(message=ARABIC_TIP)
    assert (tip.name, tip.language) == ("سلمى Müller", "ar")
    client.force_login(staff)
    # The reading view, with the contact data opened (links and isolates around the words are taken away).
    inspect = client.get(reverse(Tip.snippet_viewset.get_url_name("inspect"), args=[tip.pk]) + "?contact=1")
    text = html.unescape(re.sub(r"<[^>]+>", "", inspect.content.decode()))
    assert ARABIC_TIP in text and "سلمى Müller" in text
    assert page.console_errors == []
    page.goto(f"{live_server.url}/ar/tips/map/")
    _screenshot(page, "map-ar-phone")
