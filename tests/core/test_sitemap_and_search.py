"""The sitemap lists every live page in every language; search finds appeals and tandems of one language."""

import pytest
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db


def _translate(page, language: str):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    translation.save_revision().publish()
    return translation


def test_sitemap_lists_live_pages_of_every_locale(client, partner_a):
    english_tandem = _translate(partner_a.tandem, "en")
    draft = partner_a.appeal
    draft.unpublish()

    xml = client.get("/sitemap.xml").content.decode()

    assert f"{partner_a.tandem.full_url}</loc>" in xml
    assert f"{english_tandem.full_url}</loc>" in xml and "/en/" in english_tandem.full_url
    assert f"{english_tandem.get_parent().full_url}</loc>" in xml  # the English home page
    assert draft.full_url not in xml


def test_search_finds_appeals_and_tandems_in_the_visitors_language_only(client, partner_a, partner_b):
    _translate(partner_a.appeal, "en")
    partner_b.appeal.unpublish()

    response = client.get("/de/search/", {"q": "Appeal"})
    found = [(page.pk, page.locale.language_code) for page in response.context["results"]]

    assert found == [(partner_a.appeal.pk, "de")]
    english = client.get("/en/search/", {"q": "Appeal"}).context["results"]
    assert [page.locale.language_code for page in english] == ["en"]
    assert client.get("/de/search/", {"q": partner_a.title}).context["results"] == []  # not a partner page
    assert "Nothing found" in client.get("/en/search/", {"q": "zzz"}).content.decode()


def test_every_language_gets_a_home_page_with_lang_and_dir(client, partner_a):
    _translate(Page.objects.get(depth=2, locale__language_code="de"), "ar")

    html = client.get("/ar/").content.decode()

    assert '<html lang="ar" dir="rtl">' in html
