"""Signing up without an account: stored, routed to the partner by place, confirmed by a signed link."""

from datetime import timedelta

import pytest
from django.utils import timezone

from matching.housekeeping import matching_housekeeping
from matching.models import CompanyRequest
from matching.vocabulary import Status
from outbox.services import outbox_deliver_due

from .conftest import form_data, link_in, signup_url

pytestmark = pytest.mark.django_db


def test_arabic_seeker_on_a_phone_is_routed_and_confirms_by_link(client, campaign, areas, no_wait, mailoutbox):
    partner_a, _partner_b = areas
    url = signup_url(campaign, "seek", "ar")
    response = client.post(url, form_data(client, url, first_name="فاطمة", email="fatima@example.org",
                                          languages=["ar", "de"], needs=["step_free"]), follow=True)
    assert "48" in response.content.decode()  # "open the link within 48 hours"
    signed = CompanyRequest.objects.get()
    assert (signed.status, signed.partner_id, signed.language, signed.town) == (
        Status.UNCONFIRMED, partner_a.pk, "ar", "Köln")  # the gazetteer's town, not the typed postcode
    outbox_deliver_due()
    [message] = mailoutbox
    assert message.to == ["fatima@example.org"] and "فاطمة" in message.body
    confirm = link_in(message, "confirm")
    assert confirm.startswith("/ar/company/confirm/")
    client.get(confirm)  # a mail scanner opening the link confirms nothing
    assert CompanyRequest.objects.get().status == Status.UNCONFIRMED
    client.post(confirm)
    assert CompanyRequest.objects.get().status == Status.WAITING
    assert client.post(confirm[:-3] + "xx/").status_code == 404  # a changed link


def test_someone_signed_up_by_a_neighbour_by_phone_waits_for_the_partner(client, campaign, areas, no_wait):
    url = signup_url(campaign, "offer")
    response = client.post(url, form_data(client, url, on_behalf="on", helper_name="Nachbarin Jutta",
                                          helper_contact="0221 999", capacity="3", place_0="Berlin"), follow=True)
    assert "ruft Sie zur Bestätigung an" in response.content.decode()  # no e-mail: the partner calls
    signed = CompanyRequest.objects.get()
    assert (signed.on_behalf, signed.helper_contact, signed.capacity, signed.partner_id) == (
        True, "0221 999", 3, areas[1].pk)
    CompanyRequest.objects.update(created_at=timezone.now() - timedelta(days=3))
    matching_housekeeping()
    assert CompanyRequest.objects.filter(status=Status.UNCONFIRMED).count() == 1  # phone-only: kept for the partner


def test_unconfirmed_e_mail_sign_ups_are_deleted_after_48_hours(client, campaign, areas, no_wait):
    url = signup_url(campaign, "seek")
    client.post(url, form_data(client, url, email="eva@example.org"))
    CompanyRequest.objects.update(created_at=timezone.now() - timedelta(hours=47))
    assert matching_housekeeping()["unconfirmed_deleted"] == 0
    CompanyRequest.objects.update(created_at=timezone.now() - timedelta(hours=49))
    assert matching_housekeeping()["unconfirmed_deleted"] == 1 and not CompanyRequest.objects.exists()


BAD_INPUT = [
    ({"place_0": "Nirgendwo-am-See"}, "place"),
    ({"phone": "", "email": ""}, "phone"),
    ({"email": "kein-at-zeichen"}, "email"),
    ({"on_behalf": "on", "helper_contact": ""}, "helper_contact"),
    ({"consent": ""}, "consent"),
    ({"slots": ["2099-01-01-evening"]}, "slots"),
    ({"kinds": []}, "kinds"),
    ({"message": "x" * 601}, "message"),
]


def test_bad_input_is_explained_and_kept_and_nothing_is_stored(client, campaign, areas, no_wait):
    url = signup_url(campaign, "seek", "en")
    for fields, field in BAD_INPUT:
        response = client.post(url, form_data(client, url, first_name="Margarete", **fields))
        assert response.status_code == 200
        assert list(response.context["form"].errors) == [field], fields
        html = response.content.decode()
        assert 'value="Margarete"' in html and "<title>Error:" in html
    assert not CompanyRequest.objects.exists()


PAYLOADS = ["<script>alert('x')</script>", '"><img src=x onerror=alert(1)>', "'; DROP TABLE matching_companyrequest;--",
            "{{ 7*7 }} {% debug %}", "\u202eevil", "A" * 10_000]


def test_hostile_input_never_fails_and_is_escaped(client, campaign, areas, no_wait):
    url = signup_url(campaign, "offer", "en")
    for payload in PAYLOADS:
        response = client.post(url, form_data(client, url, first_name=payload[:60], message=payload[:600],
                                              place_0=payload, travel_km=payload, capacity=payload,
                                              languages=[payload], place_1=payload))
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode() and "<img src=x" not in response.content.decode()
    assert not CompanyRequest.objects.exists()
    stored = client.post(url, form_data(client, url, first_name=PAYLOADS[0][:60], message=PAYLOADS[1]))
    assert stored.status_code == 302 and CompanyRequest.objects.get().first_name == PAYLOADS[0][:60]


def test_bots_are_answered_like_people_and_never_stored(client, campaign, areas, settings):
    settings.TIPS_MIN_SECONDS = 60
    url = signup_url(campaign, "seek")
    for response in (client.post(url, form_data(client, url, website="http://spam.example")),
                     client.post(url, form_data(client, url)), client.post(url, {"first_name": "Bot"})):
        assert response.status_code == 302
    assert not CompanyRequest.objects.exists()


def test_the_form_works_without_javascript_and_says_who_receives_the_data(client, campaign):
    html = client.get(signup_url(campaign, "seek", "ar")).content.decode()
    assert 'name="place_0"' in html and 'type="checkbox" name="slots"' in html and 'dir="rtl"' in html
    assert 'class="privacy-note"' in html.split("<form")[1].split("</form>")[0]
    assert 'name="capacity"' not in html  # only hosts take guests
    assert 'name="capacity"' in client.get(signup_url(campaign, "offer")).content.decode()
