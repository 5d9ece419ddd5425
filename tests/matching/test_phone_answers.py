"""People without e-mail answer a proposal and give feedback on the phone; partner staff record it in the admin,
with the same effect as the signed link: the same seat lock, the same contact e-mail to the other side."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.factories import request_create
from matching.models import Proposal
from matching.services import proposals_send
from matching.vocabulary import ProposalStatus, Status
from outbox.services import outbox_deliver_due

from .conftest import link_in

pytestmark = pytest.mark.django_db
SLOT = "2026-12-24-evening"


@pytest.fixture
def sent(campaign, areas):
    """Else has only a phone; Jutta has e-mail. They are proposed to each other."""
    partner_a = areas[0]
    seeker = request_create(campaign=campaign, partner=partner_a, first_name="Else", phone="0221 777 01", email="",
                            slots=[SLOT])
    host = request_create(campaign=campaign, partner=partner_a, role="host", first_name="Jutta", slots=[SLOT],
                          email="jutta@example.org", phone="0221 333")
    proposal = Proposal.objects.create(seeker=seeker, host=host, reasons=[["slots", [SLOT]]])
    proposals_send(proposals=[proposal])
    return Proposal.objects.get(pk=proposal.pk)


def _url(name, proposal):
    return reverse(f"matching_admin:{name}", args=[proposal.pk])


def test_a_phone_answer_recorded_by_the_partner_leads_to_contact_exchange(client, sent, editor_a, mailoutbox):
    client.force_login(editor_a)
    page = client.get(_url("proposal", sent)).content.decode()
    assert all(text in page for text in ("Else", "0221 777 01", "keine E-Mail", 'name="answer" value="yes"'))
    client.post(_url("proposal_answer", sent), {"side": "seeker", "answer": "yes"})
    sent.refresh_from_db()
    assert sent.seeker_accepted is True and sent.status == ProposalStatus.SENT
    outbox_deliver_due()
    client.logout()
    client.post(link_in(next(m for m in mailoutbox if m.to == ["jutta@example.org"]), "answer"), {"answer": "yes"})
    outbox_deliver_due()
    sent.refresh_from_db()
    assert sent.status == ProposalStatus.MATCHED and sent.seeker.status == Status.MATCHED
    [contact] = [m for m in mailoutbox if "0221 777 01" in m.body]
    assert contact.to == ["jutta@example.org"]  # Jutta learns Else's phone; the partner calls Else
    client.force_login(editor_a)
    assert "data-matched" in client.get(_url("proposal", sent)).content.decode()


def test_a_phone_yes_for_a_seat_taken_meanwhile_books_nothing(client, sent, campaign, editor_a, mailoutbox):
    rival = request_create(campaign=campaign, partner=sent.host.partner, first_name="Rita", slots=[SLOT])
    Proposal.objects.create(seeker=rival, host=sent.host, status=ProposalStatus.MATCHED)
    Proposal.objects.filter(pk=sent.pk).update(host_accepted=True)
    client.force_login(editor_a)
    client.post(_url("proposal_answer", sent), {"side": "seeker", "answer": "yes"})
    outbox_deliver_due()
    sent.refresh_from_db()
    assert sent.status == ProposalStatus.FULL and sent.seeker.status == Status.WAITING
    assert not any("0221 777 01" in m.body for m in mailoutbox)


def test_a_phone_no_frees_the_seeker_and_a_late_answer_changes_nothing(client, sent, moderator_a):
    client.force_login(moderator_a)
    client.post(_url("proposal_answer", sent), {"side": "seeker", "answer": "no"})
    sent.refresh_from_db()
    assert sent.status == ProposalStatus.DECLINED and sent.seeker.status == Status.WAITING
    client.post(_url("proposal_answer", sent), {"side": "host", "answer": "yes"})
    sent.refresh_from_db()
    assert sent.status == ProposalStatus.DECLINED and sent.host_accepted is None


def test_feedback_taken_on_the_phone_is_recorded_and_bad_input_is_refused(client, sent, editor_a):
    client.force_login(editor_a)
    client.post(_url("proposal_feedback", sent), {"side": "seeker", "seeker-outcome": "met"})
    assert Proposal.objects.get(pk=sent.pk).seeker_outcome == ""  # not matched yet: nothing to tell
    Proposal.objects.filter(pk=sent.pk).update(status=ProposalStatus.MATCHED, matched_at=timezone.now()
                                               - timedelta(days=3))
    page = client.post(_url("proposal_feedback", sent), {"side": "seeker", "seeker-outcome": "maybe"}, follow=True)
    assert page.status_code == 200 and Proposal.objects.get(pk=sent.pk).seeker_outcome == ""
    client.post(_url("proposal_feedback", sent), {"side": "seeker", "seeker-outcome": "not_happened",
                                                  "seeker-reason": "3"})
    sent.refresh_from_db()
    assert (sent.seeker_outcome, sent.seeker_reason, sent.host_outcome) == ("not_happened", "3", "")


@pytest.mark.parametrize(("role", "allowed"), [("staff", True), ("editor_a", True), ("moderator_a", True),
                                               ("editor_b", False)])
def test_only_staff_and_the_owning_partner_record_answers(client, request, sent, role, allowed):
    client.force_login(request.getfixturevalue(role))
    # LocaleMiddleware answers an admin 404 with a redirect to /de/admin/..., which is the 404 in the end.
    page = client.get(_url("proposal", sent), follow=True)
    assert page.status_code == (200 if allowed else 404)
    assert ("0221 777 01" in page.content.decode()) is allowed
    answer = client.post(_url("proposal_answer", sent), {"side": "seeker", "answer": "yes"})
    assert answer.url == (_url("proposal", sent) if allowed else "/de" + _url("proposal_answer", sent))
    assert (Proposal.objects.get(pk=sent.pk).seeker_accepted is True) is allowed


def test_anonymous_visitors_are_sent_to_the_login(client, sent):
    for name in ("proposal", "proposal_answer", "proposal_feedback"):
        response = client.post(_url(name, sent), {"side": "seeker", "answer": "yes"}) if name != "proposal" \
            else client.get(_url(name, sent))
        assert response.status_code == 302 and "/login/" in response.url
    assert Proposal.objects.get(pk=sent.pk).seeker_accepted is None
