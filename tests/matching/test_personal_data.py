"""People who sought or offered company read and erase what matching holds about them through /my-data/, and so
does the relative or neighbour who signed them up; retention covers matching too."""

import datetime
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from matching.factories import campaign_create, request_create
from matching.models import CompanyRequest, Proposal
from matching.services import proposals_send
from matching.vocabulary import ProposalStatus, Status
from outbox.services import outbox_deliver_due
from privacy.models import ErasureRecord

pytestmark = pytest.mark.django_db
SEEKER, HELPER = "fatima@example.org", "sohn@example.org"


def _mailed_link(client, address: str, language: str = "de") -> str:
    assert client.post(f"/{language}/my-data/", {"email": address}).status_code == 200
    outbox_deliver_due()
    (message,) = [m for m in mail.outbox if address in m.to]
    return re.search(r"https?://\S+/my-data/\S+/", message.body).group(0).split("8000", 1)[-1]


def _sent_pair(campaign, partner):
    seeker = request_create(campaign=campaign, partner=partner, first_name="Fatima", email=SEEKER.upper(),
                            phone="0176 111", message="Ich koche gern", on_behalf=True, helper_name="Karim",
                            helper_contact=HELPER)
    host = request_create(campaign=campaign, partner=partner, role="host", first_name="Jutta",
                          email="jutta@example.org", phone="0221 333", status=Status.PROPOSED)
    proposal = Proposal.objects.create(seeker=seeker, host=host)
    proposals_send(proposals=[proposal])
    return seeker, host


def test_a_person_reads_and_erases_their_sign_up_and_leaves_matching(client, campaign, partner_a):
    seeker, host = _sent_pair(campaign, partner_a)
    link = _mailed_link(client, SEEKER)
    body = client.get(link).content.decode()
    assert all(text in body for text in ("Fatima", "Ich koche gern", "0176 111", "Karim", HELPER, "Weihnachten 2026"))
    assert "Jutta" not in body and "0221 333" not in body  # the other side's details are not theirs to read

    assert client.post(link).status_code == 200
    seeker.refresh_from_db()
    values = (seeker.first_name, seeker.email, seeker.phone, seeker.message, seeker.helper_name, seeker.helper_contact)
    assert values == ("",) * 6
    assert seeker.status == Status.WITHDRAWN and seeker.contact_deleted_at
    assert (seeker.role, seeker.age_band, seeker.town) == ("seeker", "65-79", "Köln")  # unnamed, for the figures
    assert Proposal.objects.get().status == ProposalStatus.DECLINED  # nobody waits for an answer that can't come
    host.refresh_from_db()
    assert host.email == "jutta@example.org"
    assert ErasureRecord.objects.get().records == 1
    assert "Fatima" not in client.get(link).content.decode()


def test_the_helper_reads_the_sign_up_and_erases_only_their_own_details(client, campaign, partner_a):
    seeker, _host = _sent_pair(campaign, partner_a)
    link = _mailed_link(client, HELPER, language="ar")
    body = client.get(link).content.decode()
    assert "Fatima" in body and "Karim" in body and 'dir="rtl"' in body

    client.post(link)
    seeker.refresh_from_db()
    assert (seeker.helper_name, seeker.helper_contact) == ("", "")
    assert (seeker.first_name, seeker.email, seeker.status) == ("Fatima", SEEKER.upper(), Status.PROPOSED)


def test_a_sign_up_only_the_helper_could_be_reached_through_goes_whole(client, campaign, partner_a):
    oma = request_create(campaign=campaign, partner=partner_a, first_name="Oma Else", phone="", email="",
                         on_behalf=True, helper_name="Nachbarin", helper_contact=HELPER)
    client.post(_mailed_link(client, HELPER))
    oma.refresh_from_db()
    assert (oma.first_name, oma.helper_contact, oma.status) == ("", "", Status.WITHDRAWN)


def test_retention_takes_old_sign_ups_of_ended_campaigns_but_not_people_still_waiting(home, partner_a, settings):
    settings.TIPS_RETENTION_DAYS = 180
    today = timezone.localdate()
    ended = campaign_create(parent=home, title="Weihnachten alt", slug="alt", year=today.year - 2)
    running = campaign_create(parent=home, title="Ganzjährig", slug="ganzjaehrig", year=today.year)
    running.ends_on = today + datetime.timedelta(days=365)
    running.save()
    old = request_create(campaign=ended, partner=partner_a, email="alt@example.org", status=Status.MATCHED)
    waiting = request_create(campaign=running, partner=partner_a, email="wartet@example.org")
    CompanyRequest.objects.update(created_at=timezone.now() - timedelta(days=200))

    call_command("apply_retention")

    old.refresh_from_db()
    waiting.refresh_from_db()
    assert (old.email, old.first_name, old.status) == ("", "", Status.MATCHED)
    assert waiting.email == "wartet@example.org" and waiting.status == Status.WAITING
