"""load_demo gives visitors two tandems and their appeals fully in English and Arabic."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from demo.translations import TEXTS

pytestmark = pytest.mark.django_db


def test_load_demo_translates_two_tandems_and_their_appeals_and_stays_idempotent(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    pages = Page.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.count() == pages

    for slug in ("amal-und-jonas", "ausbildung-elektro", "praktikum-elektro", "yonas-und-petra", "kochstelle-bonn"):
        german = Page.objects.get(slug=slug, locale__language_code="de").specific
        for index, code in enumerate(("en", "ar")):
            translation = german.get_translations().get(locale__language_code=code).specific
            assert translation.live and translation.alias_of_id is None
            html = client.get(translation.url).content.decode()
            assert TEXTS[german.summary][index] in html, (slug, code)
            assert german.summary not in html, f"German summary left on the {code} page of {slug}"
