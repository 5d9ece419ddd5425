"""A person asks by e-mail what the portal holds about their address, reads it and erases it."""

import re

import pytest
from django.core import mail

from outbox.services import outbox_deliver_due
from privacy.models import ErasureRecord
from tips.models import Tip

ADDRESS = "erika@example.org"


def _tip(partner, email=ADDRESS, **fields):
    return Tip.objects.create(appeal=partner.appeal, partner=partner, kind="job", message="Ruf mich an: 0170 555",
                              name="Erika Mustermann", email=email, phone="+49 170 555", **fields)


def _mailed_link(client, address=ADDRESS, language="de") -> str:
    response = client.post(f"/{language}/my-data/", {"email": address})
    assert response.status_code == 200
    outbox_deliver_due()
    (message,) = [m for m in mail.outbox if address in m.to]
    return re.search(r"https?://\S+/my-data/\S+/", message.body).group(0).split("8000", 1)[-1]


@pytest.mark.django_db
def test_a_person_reads_and_erases_what_is_held_about_their_address(client, partner_a):
    mine, other = _tip(partner_a), _tip(partner_a, email="someone@example.org")

    link = _mailed_link(client)
    page = client.get(link)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Erika Mustermann" in body and "Ruf mich an: 0170 555" in body and "someone@" not in body

    erased = client.post(link)
    assert erased.status_code == 200
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.name, mine.email, mine.phone, mine.message) == ("", "", "", "")
    assert other.email == "someone@example.org"
    record = ErasureRecord.objects.get()
    assert record.records == 1 and ADDRESS not in record.address_digest
    assert "Erika" not in client.get(link).content.decode()


@pytest.mark.django_db
def test_the_answer_does_not_tell_whether_anything_is_held(client, partner_a):
    _tip(partner_a)
    held = client.post("/de/my-data/", {"email": ADDRESS}).content.decode().replace(ADDRESS, "X")
    nothing = client.post("/de/my-data/", {"email": "nobody@example.org"}).content.decode().replace(
        "nobody@example.org", "X")
    assert held == nothing


@pytest.mark.django_db
def test_forged_or_expired_links_show_nothing(client, partner_a, settings):
    _tip(partner_a)
    assert client.get("/de/my-data/erika@example.org:forged:sig/").status_code == 410
    from django.core import signing

    from privacy.selectors import ACCESS_LINK_SALT

    signer = signing.TimestampSigner(salt=ACCESS_LINK_SALT)
    token = signer.sign(ADDRESS)
    settings.PRIVACY_LINK_HOURS = 0
    response = client.get(f"/de/my-data/{token}/")
    assert response.status_code == 410 and "Erika" not in response.content.decode()


@pytest.mark.django_db
def test_a_bad_address_is_explained_and_kept(client):
    response = client.post("/ar/my-data/", {"email": "not an address"})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="not an address"' in body and 'dir="rtl"' in body


@pytest.mark.django_db
def test_staff_find_export_and_erase_on_request_and_it_is_logged(client, partner_a, staff, editor_a):
    tip = _tip(partner_a)
    url = "/admin/personal-data/"

    client.force_login(editor_a)
    assert client.get(url, {"email": ADDRESS}).status_code in (302, 403)
    client.post(url, {"email": ADDRESS})
    assert Tip.objects.get(pk=tip.pk).email == ADDRESS

    client.force_login(staff)
    assert "Erika Mustermann" in client.get(url, {"email": ADDRESS}).content.decode()
    export = client.get(url, {"email": ADDRESS, "export": "1"})
    assert export["Content-Disposition"].startswith("attachment")
    assert "Ruf mich an: 0170 555" in export.content.decode()
    client.post(url, {"email": ADDRESS})
    assert Tip.objects.get(pk=tip.pk).email == ""
    assert ErasureRecord.objects.get().by_user == staff
