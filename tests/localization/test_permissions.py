"""Partner editors translate only within their own section, in every language (extends the partners matrix)."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_tandems(staff, partner_a, partner_b):
    """Both partners' tandems submitted for English translation through wagtail-localize, by staff."""
    client = Client()
    client.force_login(staff)
    english = Locale.objects.get(language_code="en")
    for partner in (partner_a, partner_b):
        response = client.post(reverse("wagtail_localize:submit_page_translation", args=[partner.tandem.id]),
                               {"locales": [english.id]})
        assert response.status_code == 302
    return {"a": partner_a.tandem.get_translation(english), "b": partner_b.tandem.get_translation(english)}


def _source(page):
    return TranslationSource.objects.get_for_instance(page)


def _string_edit_url(page):
    source = _source(page)
    translation = Translation.objects.get(source=source, target_locale__language_code="en")
    return reverse("wagtail_localize:edit_string_translation",
                   args=[translation.id, StringSegment.objects.filter(source=source).first().id])


ACTIONS = {
    "open the translate form": lambda client, p, en: client.get(
        reverse("wagtail_localize:submit_page_translation", args=[p.tandem.id])),
    "edit the English translation": lambda client, p, en: client.get(
        reverse("wagtailadmin_pages:edit", args=[en.id])),
    "translate a string": lambda client, p, en: client.put(
        _string_edit_url(p.tandem), urlencode({"value": "Hello"}), content_type="application/x-www-form-urlencoded"),
    "sync translations after a change": lambda client, p, en: client.get(
        reverse("wagtail_localize:update_translations", args=[_source(p.tandem).id])),
}


# (user, section) -> may they do every action of ACTIONS there?
MATRIX = {
    ("editor_a", "a"): True, ("moderator_a", "a"): True, ("staff", "b"): True,
    ("editor_a", "b"): False, ("moderator_a", "b"): False, ("editor_b", "a"): False,
}


def _outcome(response) -> str:
    if response.status_code in (200, 201):
        return "allowed"
    # Wagtail's admin answers a refusal with a redirect to the dashboard; the strings API with 403; a page of
    # another partner's section does not exist for the user (partners.isolation: 404, which the language
    # middleware turns into a redirect to the same address under /de/, itself a 404).
    location = response.get("Location", "")
    refused = response.status_code in (403, 404) or (
        response.status_code == 302 and (location == "/admin/" or location.startswith("/de/admin/")))
    return "refused" if refused else f"unexpected {response.status_code}"


def test_translation_permission_matrix(request, english_tandems, partner_a, partner_b):
    partners = {"a": partner_a, "b": partner_b}
    expected, actual = {}, {}
    for (user, section), allowed in MATRIX.items():
        client = Client()
        client.force_login(request.getfixturevalue(user))
        for name, action in ACTIONS.items():
            expected[(user, section, name)] = "allowed" if allowed else "refused"
            actual[(user, section, name)] = _outcome(action(client, partners[section], english_tandems[section]))

    assert actual == expected


def test_the_translations_report_shows_only_ones_own_sections(client, editor_a, english_tandems):
    client.force_login(editor_a)

    html = client.get(reverse("wagtail_localize:translations_report")).content.decode()

    assert "Tandem A" in html
    assert "Tandem B" not in html


def _rows(page):
    return set(GroupPagePermission.objects.filter(page=page).values_list("group_id", "permission__codename"))


def test_translated_partner_pages_carry_the_sections_permissions_and_follow_changes(partner_a, english_tandems):
    english_partner = english_tandems["a"].get_parent()
    assert english_partner.locale.language_code == "en"
    assert _rows(english_partner) == _rows(partner_a) != set()

    partner_a.trusted_to_publish = True  # staff trust partner A: its editors may now publish
    partner_a.save_revision().publish()

    assert (partner_a.editors_group_id, "publish_page") in _rows(english_partner)
    assert _rows(english_partner) == _rows(partner_a)
