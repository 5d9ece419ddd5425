"""Short ASCII addresses that survive chat apps and print: transliterated slugs and /a/<id>, /t/<id>."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from partners.models import PartnerPage

pytestmark = pytest.mark.django_db


def _home():
    return Page.objects.get(depth=2, locale__language_code="de")


def _add_partner(client, title: str, slug: str):
    url = reverse("wagtailadmin_pages:add", args=["partners", "partnerpage", _home().pk])
    return client.post(url, {"title": title, "slug": slug, "short_description": "", "notification_language": "de",
                             "action-publish": "publish"})


@pytest.mark.parametrize(("title", "typed", "expected"), [
    ("Türöffner e.V.", "türöffner-ev", "tueroeffner-ev"),
    ("Straße der Hoffnung", "straße-der-hoffnung", "strasse-der-hoffnung"),
    ("أمل للجميع", "أمل-للجميع", "aml-lljmy"),
])
def test_a_new_page_gets_an_ascii_slug_whatever_script_its_title_is_in(client, staff, title, typed, expected):
    client.force_login(staff)

    assert _add_partner(client, title, typed).status_code == 302

    partner = PartnerPage.objects.get(title=title)
    assert partner.slug == expected and partner.url.isascii()


def test_a_transliterated_slug_that_is_taken_gets_a_number(client, staff):
    client.force_login(staff)
    _add_partner(client, "Tueroeffner", "tueroeffner")

    _add_partner(client, "Türöffner", "türöffner")

    assert PartnerPage.objects.get(title="Türöffner").slug == "tueroeffner-2"


def test_an_existing_page_keeps_the_address_people_already_shared(client, staff, partner_a):
    Page.objects.filter(pk=partner_a.pk).update(slug="partner-ä")
    client.force_login(staff)
    url = reverse("wagtailadmin_pages:edit", args=[partner_a.pk])

    response = client.post(url, {"title": partner_a.title, "slug": "partner-ä", "short_description": "neu",
                                 "notification_language": "de", "action-publish": "publish"})

    assert response.status_code == 302
    assert PartnerPage.objects.get(pk=partner_a.pk).slug == "partner-ä"


def test_add_partner_writes_umlauts_out(db):
    call_command("add_partner", "Türöffner e.V.", "--email", "tipps@tueroeffner.example.org")

    assert PartnerPage.objects.get(title="Türöffner e.V.").slug == "tueroeffner-ev"


def test_a_short_appeal_link_leads_to_the_appeal_with_its_channel(client, partner_a):
    response = client.get(f"/a/{partner_a.appeal.pk}?via=Poster")

    assert response.status_code == 302 and response["Location"] == f"{partner_a.appeal.url}?via=poster"
    assert client.get(f"/a/{partner_a.appeal.pk}/")["Location"] == partner_a.appeal.url


def test_a_short_link_keeps_the_language_of_the_page_it_names(client, appeal_in_arabic, partner_a):
    assert client.get(f"/a/{appeal_in_arabic.pk}?via=poster")["Location"] == f"{appeal_in_arabic.url}?via=poster"
    assert appeal_in_arabic.url.startswith("/ar/")
    assert client.get(f"/t/{partner_a.tandem.pk}")["Location"] == partner_a.tandem.url


@pytest.mark.parametrize("path", ["/a/999999", "/t/{appeal}", "/a/{tandem}", "/a/{draft}", "/a/abc"])
def test_a_short_link_to_anything_else_is_not_found(client, partner_a, path):
    draft = partner_a.appeal.copy(update_attrs={"slug": "draft-appeal", "live": False})
    path = path.format(appeal=partner_a.appeal.pk, tandem=partner_a.tandem.pk, draft=draft.pk)

    # Django's LocaleMiddleware first tries the address under /de/, where Wagtail answers 404 too.
    assert client.get(path, follow=True).status_code == 404


def test_a_hostile_channel_is_squeezed_out(client, partner_a):
    response = client.get(f"/a/{partner_a.appeal.pk}?via=%22%3E%3Cscript%3Ex")

    assert response["Location"] == f"{partner_a.appeal.url}?via=scriptx"
