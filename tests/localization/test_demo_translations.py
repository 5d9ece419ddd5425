"""load_demo gives visitors two tandems and their appeals fully in English and Arabic: nothing German but names."""

import html
import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from core.models import NetworkSettings
from demo.translations import LANGUAGES, PAGE_SLUGS, TAG_NAMES, TEXTS
from partners.models import PartnerPage
from tandems.models import TandemPage
from tips.demo import DEMO_TIPS

pytestmark = pytest.mark.django_db

TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
SEPARATORS = " ·:\n"
ADDRESS = re.compile(r"^\S+@\S+$|^https?://")  # e-mail and web addresses read the same in every language


def _visible_texts(html: str) -> set[str]:
    """Every text a visitor reads or hears on a page: text runs and the attributes screen readers announce."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "head"]):
        hidden.decompose()
    texts = {text.strip() for text in soup.stripped_strings}
    texts |= {element[name] for name in TEXT_ATTRIBUTES for element in soup.find_all(attrs={name: True})}
    texts = {text.strip(SEPARATORS) for text in texts}
    return {text for text in texts if any(character.isalpha() for character in text) and not ADDRESS.search(text)}


def _names() -> set[str]:
    """What may stay as it is in every language: people's and organisations' names, the network's name."""
    network = NetworkSettings.objects.first()
    names = {network.name, network.hashtag_text} if network else set()
    for pair in TandemPage.objects.values_list("names", flat=True):
        names |= {pair, *pair.split(" & ")}
    names |= set(PartnerPage.objects.values_list("title", flat=True))
    names |= {get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}  # the switcher
    names |= {"WhatsApp", "Telegram", "Signal", "Facebook", "X"}  # the share bar names services by their names
    return names


def _same_in_english() -> set[str]:
    """Words spelled the same in German and English (Tandems, Bonn, Region, Website ...): no leftover there."""
    same = {html.unescape(german) for german, (english, _ar) in {**TEXTS, **TAG_NAMES}.items() if german == english}
    catalogs = {code: polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"))
                for code in ("de", "en")}
    english = {entry.msgid: entry.msgstr for entry in catalogs["en"] if not entry.msgid_plural}
    return same | {entry.msgstr for entry in catalogs["de"] if english.get(entry.msgid) == entry.msgstr}


def test_load_demo_translates_two_tandems_and_their_appeals_leaving_only_names_in_german(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    pages = Page.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.count() == pages

    allowed = {"en": _names() | _same_in_english(), "ar": _names()}
    leftovers = {}
    for slug in PAGE_SLUGS:
        german = Page.objects.get(slug=slug, locale__language_code="de").specific
        german_texts = _visible_texts(client.get(german.url).content.decode())
        for code in ("en", "ar"):
            translation = german.get_translations().get(locale__language_code=code).specific
            assert translation.live and translation.alias_of_id is None
            texts = _visible_texts(client.get(translation.url).content.decode())
            if left := sorted((texts & german_texts) - allowed[code]):
                leftovers[f"{code} {slug}"] = left
    assert leftovers == {}, "German text left on translated pages, beside the names"

    appeal = Page.objects.get(slug="ausbildung-elektro", locale__language_code="de")
    for code in LANGUAGES:
        html = client.get(appeal.get_translation(Locale.objects.get(language_code=code)).url).content.decode()
        assert all(text in html for _kind, text, _lat, _lon in DEMO_TIPS[code]), f"no {code} tip quoted"
