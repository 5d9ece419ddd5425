"""From dry run to contact: a partner reviews and sends; each side decides by link; contact only after two yeses."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from matching.factories import request_create
from matching.housekeeping import matching_housekeeping
from matching.models import Proposal
from matching.services import proposal_answer, proposals_dry_run, proposals_send
from matching.vocabulary import ProposalStatus, Status
from outbox.services import outbox_deliver_due

from .conftest import link_in

pytestmark = pytest.mark.django_db
SLOT = "2026-12-24-evening"


def people(campaign, partner):
    seeker = request_create(campaign=campaign, partner=partner, first_name="فاطمة", language="ar",
                            languages=["ar", "de"], needs=["step_free"], email="fatima@example.org",
                            phone="0176 111", slots=[SLOT], message="أحب الطبخ", travel_km=20)
    stairs = request_create(campaign=campaign, partner=partner, role="host", first_name="Klaus", slots=[SLOT],
                            languages=["de", "ar"], email="klaus@example.org", phone="0221 222",
                            place=("Köln", 50.94, 6.95))
    step_free = request_create(campaign=campaign, partner=partner, role="host", first_name="Jutta",
                               slots=[SLOT], languages=["de", "ar"], offers=["step_free"], email="jutta@example.org",
                               phone="0221 333", place=("Leverkusen", 51.03, 6.98), travel_km=20)
    return seeker, stairs, step_free


def test_partner_dry_run_review_send_accept_and_contact_exchange(client, campaign, areas, editor_a, mailoutbox):
    partner_a, partner_b = areas
    seeker, _stairs, step_free = people(campaign, partner_a)
    request_create(campaign=campaign, partner=partner_b, role="host", first_name="Bernd", slots=[SLOT],
                   languages=["ar"], offers=["step_free"], place=("Köln", 50.94, 6.96))  # B's: never proposed to A
    client.force_login(editor_a)
    client.post(reverse("matching_admin:dry_run"), {"campaign": campaign.pk, "section": partner_a.pk})
    page = client.get(reverse("matching_admin:index") + f"?campaign={campaign.pk}&section={partner_a.pk}")
    html = page.content.decode()
    assert "Jutta" in html and "Bernd" not in html and "km" in html
    [draft] = Proposal.objects.all()
    assert (draft.seeker_id, draft.host_id, draft.status) == (seeker.pk, step_free.pk, ProposalStatus.DRAFT)
    client.post(reverse("matching_admin:send"), {"campaign": campaign.pk, "section": partner_a.pk})
    outbox_deliver_due()
    to_seeker, to_host = sorted(mailoutbox, key=lambda message: message.to[0])
    assert to_seeker.to == ["fatima@example.org"] and "Jutta" in to_seeker.body and "Leverkusen" in to_seeker.body
    assert "أحب الطبخ" in to_host.body and "فاطمة" in to_host.body
    for message in (to_seeker, to_host):  # nobody's phone or e-mail before both said yes
        assert not any(secret in message.body for secret in ("0176 111", "0221 333", "jutta@", "fatima@"))
    client.logout()
    seeker_link, host_link = link_in(to_seeker, "answer"), link_in(to_host, "answer")
    assert seeker_link.startswith("/ar/") and host_link.startswith("/de/")
    assert "Jutta" in client.get(seeker_link).content.decode()
    client.post(seeker_link, {"answer": "yes"})
    outbox_deliver_due()
    assert len(mailoutbox) == 2  # one yes exchanges nothing
    client.post(host_link, {"answer": "yes"})
    outbox_deliver_due()
    contact = {message.to[0]: message.body for message in mailoutbox[2:]}
    assert "0221 333" in contact["fatima@example.org"] and "jutta@example.org" in contact["fatima@example.org"]
    assert "0176 111" in contact["jutta@example.org"]
    assert Proposal.objects.get().status == ProposalStatus.MATCHED
    seeker.refresh_from_db()
    assert seeker.status == Status.MATCHED


def test_a_declined_pair_frees_the_seeker_and_is_never_proposed_again(campaign, areas):
    partner_a = areas[0]
    seeker, _stairs, step_free = people(campaign, partner_a)
    proposals_send(proposals=proposals_dry_run(campaign=campaign, partner=partner_a))
    proposal = Proposal.objects.get()
    proposal_answer(proposal_id=proposal.pk, side="host", accept=False)
    seeker.refresh_from_db()
    assert seeker.status == Status.WAITING
    assert proposals_dry_run(campaign=campaign, partner=partner_a) == []  # the only step-free place said no


def test_no_answer_in_time_frees_the_place_and_feedback_follows_a_meeting(client, campaign, areas, mailoutbox):
    partner_a = areas[0]
    seeker, _stairs, _step_free = people(campaign, partner_a)
    proposals_send(proposals=proposals_dry_run(campaign=campaign, partner=partner_a))
    Proposal.objects.update(answer_by=timezone.now() - timedelta(minutes=1))
    assert matching_housekeeping()["proposals_expired"] == 1
    seeker.refresh_from_db()
    assert seeker.status == Status.WAITING and Proposal.objects.get().status == ProposalStatus.EXPIRED

    other = request_create(campaign=campaign, partner=partner_a, role="host", first_name="Ute", slots=[SLOT],
                           languages=["ar"], offers=["step_free"], email="ute@example.org")
    proposals_send(proposals=proposals_dry_run(campaign=campaign, partner=partner_a))
    proposal = Proposal.objects.get(host=other)
    for side in ("seeker", "host"):
        proposal_answer(proposal_id=proposal.pk, side=side, accept=True)
    after_christmas = timezone.make_aware(timezone.datetime(2026, 12, 27, 12))
    assert matching_housekeeping(now=after_christmas)["feedback_asked"] == 1
    outbox_deliver_due()
    feedback = link_in(next(m for m in mailoutbox if m.to == ["ute@example.org"] and "feedback" in m.body),
                       "feedback")
    client.post(feedback, {"outcome": "not_happened", "reason": "4"})
    proposal.refresh_from_db()
    assert (proposal.host_outcome, proposal.host_reason) == ("not_happened", "4")


def test_contact_data_is_deleted_a_set_time_after_the_campaign(campaign, areas, settings):
    seeker, *_hosts = people(campaign, areas[0])
    settings.MATCHING_CONTACT_KEEP_DAYS = 30
    assert matching_housekeeping(now=timezone.make_aware(timezone.datetime(2027, 2, 4, 12)))["contacts_deleted"] == 0
    late = timezone.make_aware(timezone.datetime(2027, 2, 6, 12))  # campaign ended 6 January
    assert matching_housekeeping(now=late)["contacts_deleted"] == 3
    seeker.refresh_from_db()
    assert (seeker.email, seeker.phone, seeker.message) == ("", "", "") and seeker.contact_deleted_at


@pytest.mark.django_db(transaction=True)
def test_two_yeses_for_the_last_seat_at_the_same_moment_book_it_once(campaign, areas):
    """Real threads, each with its own PostgreSQL connection, answer at the same instant."""
    partner_a = areas[0]
    host = request_create(campaign=campaign, partner=partner_a, role="host", slots=[SLOT], capacity=1)
    proposals = []
    for name in ("Anna", "Berta", "Clara"):
        seeker = request_create(campaign=campaign, partner=partner_a, first_name=name, slots=[SLOT])
        proposals.append(Proposal.objects.create(seeker=seeker, host=host, status=ProposalStatus.SENT,
                                                 seeker_accepted=True, answer_by=timezone.now() + timedelta(days=1)))
    start = threading.Barrier(len(proposals))

    def accept(proposal_id):
        try:
            start.wait()
            proposal_answer(proposal_id=proposal_id, side="host", accept=True)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=[proposal.pk]) for proposal in proposals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(Proposal.objects.values_list("status", flat=True))
    assert statuses == [ProposalStatus.FULL, ProposalStatus.FULL, ProposalStatus.MATCHED]
    host.refresh_from_db()
    assert host.status == Status.MATCHED
