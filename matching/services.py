"""Writing company requests and proposals: sign-up, confirmation, dry run, sending, answers, feedback.

Every e-mail goes through the shared outbox inside the write transaction: it leaves after commit, once.
"""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pagecache.services import page_cache_invalidate
from places.gazetteer import place_nearest_town

from . import engine
from .models import CompanyCampaignPage, CompanyRequest, Proposal
from .selectors import HOLDING, engine_people, excluded_pairs, partner_for_place, proposal_relays
from .tokens import token_url
from .vocabulary import ProposalStatus, Role, Status

logger = logging.getLogger(__name__)
REQUEST_FIELDS = ("first_name", "age_band", "travel_km", "kinds", "slots", "needs", "offers", "languages",
                  "age_preference", "capacity", "message", "email", "phone", "consent", "on_behalf", "helper_name",
                  "helper_contact")


def _mail(*, to: str, template: str, context: dict, language: str, key: str) -> None:
    from outbox.services import email_queue_rendered

    email_queue_rendered(to=to, template=f"matching/email/{template}", context=context, language=language, key=key)


def _place(request: CompanyRequest, place) -> None:
    """Towns come from the gazetteer, never as typed: they are what public counts show."""
    latitude, longitude = place.latitude, place.longitude
    request.latitude, request.longitude = latitude, longitude
    request.town = place_nearest_town(latitude=latitude, longitude=longitude).name


@transaction.atomic
def request_submit(*, campaign: CompanyCampaignPage, role: str, data: dict, language: str,
                   entered_by=None) -> CompanyRequest:
    """Store a sign-up. With an e-mail address it waits for the signed link; without, for partner staff."""
    request = CompanyRequest(campaign=campaign, role=role, language=language, entered_by=entered_by,
                             **{name: data[name] for name in REQUEST_FIELDS if name in data})
    if role == Role.SEEKER:
        request.capacity = 1
    _place(request, data["place"])
    request.partner = partner_for_place(latitude=request.latitude, longitude=request.longitude)
    request.save()
    if request.email:
        _mail(to=request.email, template="confirm", language=language, key=f"matching-confirm-{request.pk}",
              context={"request": request, "campaign": campaign,
                       "url": token_url(action="confirm", language=language, request=request.pk)})
    return request


def request_confirm(*, request_id: int, by_staff: bool = False) -> CompanyRequest | None:
    """The e-mail address is proven (or partner staff spoke to the person): now the request may be matched."""
    request = CompanyRequest.objects.filter(pk=request_id).first()
    if request is None:
        return None
    if request.status == Status.UNCONFIRMED:
        request.status, request.confirmed_at = Status.WAITING, timezone.now()
        request.save(update_fields=["status", "confirmed_at"])
    elif request.recheck_asked_at and request.status == Status.WAITING and not by_staff:
        request.recheck_asked_at = request.recheck_reminded_at = None  # "yes, I still want company"
        request.confirmed_at = timezone.now()
        request.save(update_fields=["recheck_asked_at", "recheck_reminded_at", "confirmed_at"])
    return request


def request_withdraw(*, request_id: int) -> None:
    with transaction.atomic():
        CompanyRequest.objects.filter(pk=request_id).update(status=Status.WITHDRAWN)
        Proposal.objects.filter(status__in=[ProposalStatus.DRAFT, ProposalStatus.SENT]).filter(
            seeker_id=request_id).delete()


def _reasons_json(pair: engine.Pair) -> list:
    return [[code, list(value) if isinstance(value, tuple) else value] for code, value in pair.reasons]


@transaction.atomic
def proposals_dry_run(*, campaign: CompanyCampaignPage, partner, user=None) -> list[Proposal]:
    """Propose pairs for everyone waiting in one section, as drafts to review; earlier drafts are replaced."""
    Proposal.objects.filter(seeker__campaign=campaign, seeker__partner=partner, status=ProposalStatus.DRAFT).delete()
    seekers = engine_people(campaign=campaign, partner=partner, role=Role.SEEKER)
    hosts = engine_people(campaign=campaign, partner=partner, role=Role.HOST)
    pairs = engine.assign(seekers, hosts, excluded=excluded_pairs(campaign=campaign))
    return Proposal.objects.bulk_create([
        Proposal(seeker_id=pair.seeker_id, host_id=pair.host_id, score=pair.score, reasons=_reasons_json(pair),
                 created_by=user)
        for pair in pairs
    ])


def proposal_add(*, seeker: CompanyRequest, host: CompanyRequest, pair: engine.Pair, user=None) -> Proposal:
    """A draft picked by hand from a request's suggestions (a swap is: drop one draft, add another)."""
    return Proposal.objects.create(seeker=seeker, host=host, score=pair.score, reasons=_reasons_json(pair),
                                   created_by=user)


def _sides(proposal: Proposal):
    return (("seeker", proposal.seeker, proposal.host), ("host", proposal.host, proposal.seeker))


@transaction.atomic
def proposals_send(*, proposals) -> int:
    """Send drafts: each side is told what to decide, never the other's contact data."""
    sent = 0
    deadline = timezone.now() + timedelta(days=settings.MATCHING_ANSWER_DAYS)
    for proposal in proposals:
        if proposal.status != ProposalStatus.DRAFT:
            continue
        proposal.status, proposal.sent_at, proposal.answer_by = ProposalStatus.SENT, timezone.now(), deadline
        proposal.save(update_fields=["status", "sent_at", "answer_by"])
        CompanyRequest.objects.filter(pk=proposal.seeker_id).update(status=Status.PROPOSED)
        for side, me, other in _sides(proposal):
            if me.email:
                url = token_url(action="answer", language=me.language, proposal=proposal.pk, side=side)
                _mail(to=me.email, template="proposal", language=me.language,
                      key=f"matching-proposal-{proposal.pk}-{side}",
                      context={"me": me, "other": other, "proposal": proposal, "url": url})
        sent += 1
    return sent


def _release(proposal: Proposal, status: str) -> None:
    proposal.status = status
    proposal.save()
    if not Proposal.objects.filter(seeker_id=proposal.seeker_id, status__in=HOLDING).exists():
        CompanyRequest.objects.filter(pk=proposal.seeker_id, status=Status.PROPOSED).update(status=Status.WAITING)


def _match(proposal: Proposal) -> None:
    """Both said yes: take the seat under a row lock on both people, so two last-second yeses cannot overbook."""
    people = {row.pk: row for row in CompanyRequest.objects.select_for_update().filter(
        pk__in=[proposal.seeker_id, proposal.host_id]).order_by("pk")}
    seeker, host = people[proposal.seeker_id], people[proposal.host_id]
    taken = Proposal.objects.filter(host=host, status=ProposalStatus.MATCHED).count()
    if taken >= host.capacity or seeker.status == Status.MATCHED:
        _release(proposal, ProposalStatus.FULL)
        return
    proposal.status, proposal.matched_at = ProposalStatus.MATCHED, timezone.now()
    proposal.save()
    seeker.status = Status.MATCHED
    seeker.save(update_fields=["status"])
    if taken + 1 >= host.capacity:
        host.status = Status.MATCHED
        host.save(update_fields=["status"])
    relay = proposal_relays(proposal=proposal)
    for side, me, other in _sides(proposal):
        if me.email:
            url = token_url(action="relay", language=me.language, proposal=proposal.pk, side=side) if relay else ""
            _mail(to=me.email, template="relay_start" if relay else "contact", language=me.language,
                  key=f"matching-contact-{proposal.pk}-{side}",
                  context={"me": me, "other": other, "proposal": proposal, "url": url})


def proposal_answer(*, proposal_id: int, side: str, accept: bool) -> Proposal | None:
    """One side's yes or no. The proposal row lock makes the two sides' answers take turns."""
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().filter(pk=proposal_id).first()
        if proposal is None or proposal.status != ProposalStatus.SENT:
            return proposal
        setattr(proposal, f"{side}_accepted", accept)
        proposal.save(update_fields=[f"{side}_accepted"])
        if not accept:
            _release(proposal, ProposalStatus.DECLINED)
        elif proposal.seeker_accepted and proposal.host_accepted:
            _match(proposal)
    return Proposal.objects.select_related("seeker", "host").get(pk=proposal_id)


def proposal_feedback(*, proposal_id: int, side: str, outcome: str, reason: str = "") -> None:
    Proposal.objects.filter(pk=proposal_id).update(**{f"{side}_outcome": outcome, f"{side}_reason": reason})


def proposal_relay(*, proposal: Proposal, side: str, text: str) -> None:
    """Pass one message to the other side of a matched pair, with a link to answer; no address travels with it."""
    sender, receiver = (proposal.seeker, proposal.host) if side == "seeker" else (proposal.host, proposal.seeker)
    other_side = "host" if side == "seeker" else "seeker"
    digest = hashlib.sha256(f"{timezone.now().isoformat()}{text}".encode()).hexdigest()[:16]
    _mail(to=receiver.email, template="relay_message", language=receiver.language,
          key=f"matching-relay-{proposal.pk}-{side}-{digest}",
          context={"me": receiver, "other": sender, "text": text,
                   "url": token_url(action="relay", language=receiver.language, proposal=proposal.pk,
                                    side=other_side)})


def company_request_changed(*, created: bool) -> None:
    """Campaign pages count waiting people per town: a confirmation, match or withdrawal changes the figures.
    A new sign-up is not counted before it is confirmed, so it changes nothing visitors see."""
    if not created:
        page_cache_invalidate()
