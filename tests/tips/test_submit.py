"""Giving a tip over HTTP: stored, routed, confirmed; bad input kept and explained."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tips.models import Tip

from .conftest import form_data

pytestmark = pytest.mark.django_db


def tip_url(appeal, language="de"):
    with translation.override(language):
        return reverse("tips:appeal", args=[appeal.pk])


def test_tip_on_appeal_is_stored_for_its_partner_and_confirmed(client, partner_a, no_wait):
    url = tip_url(partner_a.appeal) + "?via=WhatsApp"
    data = form_data(client, url, place_0="50667", name="Eva", email="eva@example.org", consent="on")
    response = client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("tips:thanks") + f"?appeal={partner_a.appeal.pk}"
    tip = Tip.objects.get()
    assert (tip.appeal_id, tip.partner_id, tip.channel, tip.language) == (
        partner_a.appeal.pk, partner_a.pk, "whatsapp", "de")
    # In public a postcode shows as its town; the partner reads what was typed.
    assert (tip.town, tip.place_typed) == ("Köln", "50667") and round(tip.latitude, 1) == 50.9


def test_english_form_stores_english(client, partner_a, no_wait):
    url = tip_url(partner_a.appeal, "en")
    client.post(url, form_data(client, url))
    assert Tip.objects.get().language == "en"


BAD_INPUT = [
    ({"message": ""}, "message"),
    ({"message": "x" * 2001}, "message"),
    ({"place_0": "Köln", "place_1": "91", "place_2": "6.9"}, "place"),
    ({"email": "not-an-address", "consent": "on"}, "email"),
    ({"name": "Eva", "phone": "0221 123"}, "consent"),
]


def test_bad_input_is_explained_and_kept(client, partner_a, no_wait):
    url = tip_url(partner_a.appeal, "en")
    for fields, field_error in BAD_INPUT:
        response = client.post(url, form_data(client, url, employer="Bäckerei Schmitz", **fields))
        assert response.status_code == 200
        assert list(response.context["form"].errors) == [field_error], fields
        assert 'value="Bäckerei Schmitz"' in response.content.decode()
    assert not Tip.objects.exists()
    assert not mail.outbox


def test_closed_appeal_says_so_and_offers_the_general_form(client, partner_a, no_wait):
    partner_a.appeal.open_until = partner_a.appeal.open_from.replace(year=2000)
    partner_a.appeal.open_from = partner_a.appeal.open_until
    partner_a.appeal.save_revision().publish()
    url = tip_url(partner_a.appeal, "en")
    response = client.post(url, form_data(client, url, message="Ein Platz in Köln"))
    page = response.content.decode()
    assert "is closed" in page and f'action="{reverse("tips:offer")}"' in page and "Ein Platz in Köln" in page
    assert not Tip.objects.exists()


def test_offer_goes_to_the_partner_whose_open_appeal_covers_its_place(client, partner_a, no_wait):
    url = reverse("tips:offer")
    client.post(url, form_data(client, url, kind="apprenticeship", place_0="Leverkusen"))  # ~15 km from Köln
    client.post(url, form_data(client, url, kind="help", place_0="Berlin"))  # no appeal's radius reaches
    near, far = Tip.objects.order_by("pk")
    assert (near.appeal, near.partner_id, near.town) == (None, partner_a.pk, "Leverkusen")
    assert (far.partner, far.town) == (None, "Berlin")


def test_tip_on_the_arabic_appeal_reaches_the_original_appeal_and_its_partner(client, partner_a, no_wait, mailoutbox):
    from outbox.services import outbox_deliver_due
    from tests.localization.conftest import translate_page

    arabic = translate_page(partner_a.appeal, "ar", title="مطلوب مكان تدريب")
    appeal_page = client.get(arabic.url).content.decode()
    url = re.search(r'<form method="get" action="([^"]+)" class="appeal-actions__start">', appeal_page).group(1)
    assert url == f"/ar/tips/appeal/{arabic.pk}/"  # the translation's own id, not the German page's

    response = client.post(url, form_data(client, url, message="أعرف ورشة في كولونيا"), follow=True)

    tip = Tip.objects.get()
    assert (tip.appeal_id, tip.partner_id, tip.language) == (partner_a.appeal.pk, partner_a.pk, "ar")
    assert f'href="{arabic.url}"' in response.content.decode()  # "back to the appeal" stays in Arabic
    outbox_deliver_due()
    assert [message.to for message in mailoutbox] == [["tips@partner-a.example.org"]]


def test_a_tip_during_a_spike_costs_the_database_four_statements(client, partner_a, no_wait, django_assert_num_queries):
    """What a TV evening's crowd pays per tip, once the appeal is remembered: the transaction, the tip and both
    e-mails in one insert (the capacity figures in benchmarks/tips_and_map.py rest on it)."""
    url = tip_url(partner_a.appeal)
    client.post(url, form_data(client, url))  # the first post after a change looks the appeal up
    data = form_data(client, url, email="eva@example.org", name="Eva", consent="on")

    with django_assert_num_queries(4, info="BEGIN, the tip, its two e-mails, COMMIT"):
        response = client.post(url, data)

    assert response.status_code == 302 and Tip.objects.count() == 2
