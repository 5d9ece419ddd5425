"""Visitors reach, switch and share pages in German, English and Arabic."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import formats, translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("accept", "expected"), [
    ("ar,en;q=0.8", "/ar/"), ("en-GB,en;q=0.9,de;q=0.5", "/en/"), ("fr-FR,fr;q=0.9", "/de/"), ("", "/de/"),
])
def test_the_root_sends_a_visitor_to_the_best_language_and_caches_per_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"], "a shared cache must not hand one visitor's language to all"


def _switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


def test_the_switcher_leads_to_the_same_page_or_to_the_home_page_with_a_note(client, partner_a, tandem_in_english):
    response = client.get(partner_a.tandem.url)

    links = _switcher_links(response.content.decode())
    assert links["de"] == partner_a.tandem.url
    assert links["en"] == tandem_in_english.url
    assert links["ar"] == "/ar/?untranslated=1"
    note = client.get(links["ar"]).content.decode()
    assert "لم تُترجم إلى هذه اللغة بعد" in note


def test_every_page_names_its_translations_and_its_canonical_address(client, partner_a, tandem_in_english):
    html = client.get(tandem_in_english.url).content.decode()

    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
    assert alternates == {"de": f"http://testserver{partner_a.tandem.url}",
                          "x-default": f"http://testserver{partner_a.tandem.url}",
                          "en": f"http://testserver{tandem_in_english.url}"}
    assert f'<link rel="canonical" href="http://testserver{tandem_in_english.url}">' in html
    assert '<html lang="en" dir="ltr">' in html


def test_arabic_pages_are_right_to_left(client, partner_a):
    html = client.get("/ar/").content.decode()

    assert '<html lang="ar" dir="rtl">' in html


def test_views_outside_the_page_tree_switch_by_their_language_prefix(client):
    html = client.get("/en/search/", {"q": "Köln"}).content.decode()

    assert _switcher_links(html) == {"de": "/de/search/?q=K%C3%B6ln", "en": "/en/search/?q=K%C3%B6ln",
                                     "ar": "/ar/search/?q=K%C3%B6ln"}


def test_isolate_wraps_mixed_direction_text_and_escapes_it():
    rendered = Template("{% load localization_tags %}{{ value|isolate }}|{{ empty|isolate }}").render(
        Context({"value": "<Amal & Jonas>", "empty": ""}))

    assert rendered == "<bdi>&lt;Amal &amp; Jonas&gt;</bdi>|"


@pytest.mark.parametrize(("code", "expected"), [
    ("de", "3. März 2026 14:05"), ("en", "March 3, 2026, 2:05 p.m."), ("ar", "3 مارس 2026، 14:05"),
])
def test_dates_read_naturally_in_each_language_with_western_digits(code, expected):
    moment = datetime.datetime(2026, 3, 3, 14, 5)
    with translation.override(code):
        assert formats.date_format(moment, "DATETIME_FORMAT") == expected
        assert formats.number_format(12345.5, 1, force_grouping=True) == \
            {"de": "12.345,5", "en": "12,345.5", "ar": "12,345.5"}[code]


def test_a_missing_page_says_so_in_the_visitors_language(client, partner_a):
    response = client.get("/ar/gibt-es-nicht/")

    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in html and "الصفحة غير موجودة" in html


def test_the_error_page_speaks_the_visitors_language(rf):
    from django.views.defaults import server_error

    with translation.override("ar"):
        html = server_error(rf.get("/ar/")).content.decode()

    assert '<html lang="ar" dir="rtl">' in html and "حدث خطأ ما" in html
