"""Every public page in Chromium, in German, English and Arabic, on a phone and a desktop: no serious or critical
axe-core violation, headings in order, every map started, no request to any host but this one; screenshots for
people to look at.
"""

import os

import pytest

from tests.core.browser_audit import (
    DESKTOP,
    LANGUAGES,
    PHONE,
    SCREENSHOTS,
    axe_serious,
    axe_source,
    demo_pages,
    heading_skips,
    lazy_images_loaded,
    map_not_started,
    record_outside_requests,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    from django.core.management import call_command

    from intake.services import link_create
    from tandems.models import TandemPage

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    tandem = TandemPage.objects.get(slug="amal-und-jonas", locale__language_code="de")
    from django.contrib.auth import get_user_model

    _link, token = link_create(tandem=tandem, user=get_user_model().objects.get(username="staff"), language="de")
    return {"url": live_server.url, "upload_token": token}


def _pages(demo, language):
    pages = demo_pages(language)
    pages["upload"] = f"/{language}/upload/{demo['upload_token']}/"
    pages["upload-closed"] = f"/{language}/upload/not-a-valid-token/"
    return pages


def test_no_public_page_has_a_serious_accessibility_violation_or_asks_another_host(browser, demo):
    source, problems, outside_all = axe_source(), [], []
    for viewport in (PHONE, DESKTOP):
        # The pages' CSP forbids inline scripts, axe's injection included; the CSP has tests of its own.
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        outside = record_outside_requests(context)
        page = context.new_page()
        for language in LANGUAGES:
            for name, path in _pages(demo, language).items():
                page.goto(demo["url"] + path, wait_until="networkidle")
                where = f"{language} {name} {viewport['width']}px"
                problems += [f"{where}: {line}" for line in axe_serious(page, source)]
                problems += [f"{where}: {line}" for line in heading_skips(page) + map_not_started(page)]
        outside_all += outside
        context.close()

    assert problems == []
    assert outside_all == []


def test_a_form_error_moves_focus_to_the_summary_and_the_title_says_so(browser, demo):
    from appeals.models import AppealPage

    expected = {"de": "Fehler:", "en": "Error:", "ar": "خطأ:"}
    for language in LANGUAGES:
        appeal = AppealPage.objects.get(slug="ausbildung-elektro", locale__language_code=language)
        context = browser.new_context(viewport=PHONE)
        record_outside_requests(context)
        page = context.new_page()
        page.goto(f"{demo['url']}/{language}/tips/appeal/{appeal.pk}/")
        page.wait_for_timeout(3200)  # a person needs a few seconds; quicker answers are taken for bots
        page.locator("form[method=post] button[type=submit]").click()
        page.wait_for_load_state("networkidle")

        assert page.title().startswith(expected[language])
        assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
        context.close()


def _first_screen_holds(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


def test_screenshots_of_the_campaign_and_the_ask_on_a_phones_first_screen(browser, demo):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for language in ("de", "ar"):
        pages = demo_pages(language)
        shots = {key: pages[key] for key in ("home", "appeal", "tandem", "map", "tip-form", "thanks", "town",
                                             "company-seek")}
        for viewport in (PHONE, DESKTOP):
            context = browser.new_context(viewport=viewport)
            outside = record_outside_requests(context)
            page = context.new_page()
            for name, path in shots.items():
                page.goto(demo["url"] + path, wait_until="networkidle")
                lazy_images_loaded(page)
                page.screenshot(path=SCREENSHOTS / f"{name}-{language}-{viewport['width']}.png", full_page=True)
                wide = page.evaluate("document.documentElement.scrollWidth")
                assert wide <= viewport["width"], (language, name, wide)  # nothing scrolls sideways
                if viewport is PHONE and name == "home":
                    assert _first_screen_holds(page, ".card--lead .button--big"), language
                if viewport is PHONE and name in {"appeal", "tandem"}:
                    assert _first_screen_holds(page, ".lead__actions .button--big"), (language, name)
            assert outside == []
            context.close()
