"""A partner may relay messages between matched people: then both write through the portal, and neither ever
receives the other's phone number or e-mail address."""

import pytest
from django.urls import reverse

from matching.factories import request_create
from matching.models import Proposal
from matching.services import proposal_answer, proposals_send
from outbox.services import outbox_deliver_due

from .conftest import link_in

pytestmark = pytest.mark.django_db
SLOT = "2026-12-24-evening"
SECRETS = ("0176 111", "0221 333", "fatima@", "jutta@")


@pytest.fixture
def pair(campaign, areas):
    partner_a = areas[0]
    partner_a.company_relay = True
    partner_a.save()
    seeker = request_create(campaign=campaign, partner=partner_a, first_name="Fatima", language="ar", slots=[SLOT],
                            email="fatima@example.org", phone="0176 111")
    host = request_create(campaign=campaign, partner=partner_a, role="host", first_name="Jutta", slots=[SLOT],
                          email="jutta@example.org", phone="0221 333")
    proposal = Proposal.objects.create(seeker=seeker, host=host, reasons=[["slots", [SLOT]]])
    proposals_send(proposals=[proposal])
    return proposal


def _last_to(mailoutbox, address):
    outbox_deliver_due()
    return [m for m in mailoutbox if m.to == [address]][-1]


def test_matched_people_write_through_the_portal_and_never_see_an_address(client, pair, mailoutbox):
    for side in ("seeker", "host"):
        proposal_answer(proposal_id=pair.pk, side=side, accept=True)
    to_jutta = _last_to(mailoutbox, "jutta@example.org")
    assert not any(secret in to_jutta.body for secret in SECRETS)
    write = link_in(to_jutta, "write")
    assert "Fatima" in client.get(write).content.decode()
    sent = client.post(write, {"text": "Treffen wir uns am Dom, 18 Uhr?"})
    assert sent.status_code == 200 and "Fatima" in sent.content.decode()
    to_fatima = _last_to(mailoutbox, "fatima@example.org")
    assert "Treffen wir uns am Dom, 18 Uhr?" in to_fatima.body and to_fatima.reply_to == []
    assert not any(secret in to_fatima.body for secret in SECRETS)
    reply = link_in(to_fatima, "write")
    assert reply.startswith("/ar/")
    client.post(reply, {"text": "نعم، إلى اللقاء"})
    assert "نعم، إلى اللقاء" in _last_to(mailoutbox, "jutta@example.org").body
    assert not any(secret in m.body for m in mailoutbox for secret in SECRETS)


def test_the_partner_sees_that_the_pair_writes_through_the_portal(client, pair, editor_a):
    for side in ("seeker", "host"):
        proposal_answer(proposal_id=pair.pk, side=side, accept=True)
    client.force_login(editor_a)
    page = client.get(reverse("matching_admin:proposal", args=[pair.pk])).content.decode()
    assert "schreiben einander über Nahbar" in page


def test_an_empty_message_is_explained_and_links_work_only_for_matched_pairs(client, pair, mailoutbox):
    from matching.tokens import token_url

    write = token_url(action="relay", language="de", proposal=pair.pk, side="host").split("8000", 1)[-1]
    assert client.get(write).status_code == 404  # not matched yet: nothing to write about
    for side in ("seeker", "host"):
        proposal_answer(proposal_id=pair.pk, side=side, accept=True)
    outbox_deliver_due()
    before = len(mailoutbox)
    empty = client.post(write, {"text": "   "})
    html = empty.content.decode()
    assert empty.status_code == 200 and "<title>Fehler:" in html and "Bitte schreiben Sie Ihren Text" in html
    assert client.get(write[:-4] + "xyz/").status_code == 404
    outbox_deliver_due()
    assert len(mailoutbox) == before


def test_without_the_partners_choice_contact_data_is_exchanged_as_before(client, pair, mailoutbox):
    partner = pair.seeker.partner
    partner.company_relay = False
    partner.save()
    for side in ("seeker", "host"):
        proposal_answer(proposal_id=pair.pk, side=side, accept=True)
    assert "0176 111" in _last_to(mailoutbox, "jutta@example.org").body
