"""Personal data in matching, for the privacy app: people who sought or offered company, whoever signed them up
on their behalf, and what became of their proposals.

Erasure and retention take the alias, contact data, the helper's details and the message; the person leaves
matching (open proposals are withdrawn, so nobody is sent to someone who can no longer be reached). Role, age
band, town, dates and outcomes stay, unnamed, for the figures.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import CompanyRequest, Proposal
from .services import _release
from .vocabulary import AgeBand, Feature, Kind, Language, Outcome, ProposalStatus, Status, slot_label

KIND = _("Company you looked for or offered")
ERASED_FIELDS = {"first_name": "", "email": "", "phone": "", "helper_name": "", "helper_contact": "", "message": ""}
# Still in play: a waiting person keeps their details as long as the campaign runs, however long ago they signed up.
ACTIVE = (Status.UNCONFIRMED, Status.WAITING, Status.PROPOSED)


def retention_due(*, before: datetime) -> QuerySet:
    """Signed up before the cut-off, and either no longer waiting or in a campaign that ended before it."""
    old = CompanyRequest.objects.filter(created_at__lt=before, contact_deleted_at__isnull=True)
    return old.filter(Q(campaign__ends_on__lt=before.date()) | ~Q(status__in=ACTIVE))


@transaction.atomic
def retention_anonymise(*, records: QuerySet, now: datetime) -> int:
    ids = list(records.values_list("pk", flat=True))
    for proposal in Proposal.objects.select_for_update().filter(
            Q(seeker_id__in=ids) | Q(host_id__in=ids), status=ProposalStatus.SENT):
        _release(proposal, ProposalStatus.DECLINED)
    Proposal.objects.filter(Q(seeker_id__in=ids) | Q(host_id__in=ids), status=ProposalStatus.DRAFT).delete()
    gone = CompanyRequest.objects.filter(pk__in=ids)
    gone.filter(status__in=ACTIVE).update(status=Status.WITHDRAWN)
    return gone.update(contact_deleted_at=now, **ERASED_FIELDS)


def _held(email: str) -> QuerySet:
    return CompanyRequest.objects.filter(Q(email__iexact=email) | Q(helper_contact__iexact=email),
                                         contact_deleted_at__isnull=True)


def _labels(codes, choices) -> str:
    names = dict(choices)
    return ", ".join(str(names.get(code, code)) for code in codes)


def _proposal_line(proposal: Proposal, request: CompanyRequest) -> str:
    """What became of one proposal, from this person's side: never the other person's details."""
    side = proposal.side(request.pk)
    answer = getattr(proposal, f"{side}_accepted")
    outcome = getattr(proposal, f"{side}_outcome")
    parts = [date_format(timezone.localtime(proposal.sent_at), "DATE_FORMAT"), proposal.get_status_display()]
    if answer is not None:
        parts.append(str(_("you accepted") if answer else _("you declined")))
    if outcome:
        parts.append(str(Outcome(outcome).label))
    return ", ".join(parts)


def _record(request: CompanyRequest) -> list[tuple[str, str]]:
    def label(name):
        return str(CompanyRequest._meta.get_field(name).verbose_name)

    rows = [
        (label("created_at"), date_format(timezone.localtime(request.created_at), "DATETIME_FORMAT")),
        (label("campaign"), request.campaign.title), (label("role"), request.get_role_display()),
        (label("first_name"), request.first_name), (label("age_band"), request.get_age_band_display()),
        (label("town"), request.town), (label("kinds"), _labels(request.kinds, Kind.choices)),
        (label("slots"), ", ".join(slot_label(code) for code in request.slots)),
        (label("languages"), _labels(request.languages, Language.choices)),
        (label("needs"), _labels(request.needs, Feature.choices)),
        (label("offers"), _labels(request.offers, Feature.choices)),
        (label("age_preference"), _labels(request.age_preference, AgeBand.choices)),
        (label("message"), request.message), (label("email"), request.email), (label("phone"), request.phone),
        (label("helper_name"), request.helper_name), (label("helper_contact"), request.helper_contact),
        (label("status"), request.get_status_display()),
    ]
    proposals = Proposal.objects.filter(Q(seeker=request) | Q(host=request), sent_at__isnull=False)
    rows += [(str(_("proposal")), _proposal_line(proposal, request)) for proposal in proposals]
    return [(name, value) for name, value in rows if value]


def held_for(*, email: str) -> list[list[tuple[str, str]]]:
    """Every sign-up with this address, as the person or the one who signed them up; field by field."""
    return [_record(request) for request in _held(email).select_related("campaign")]


def erase_for(*, email: str, now: datetime) -> int:
    """The person's own sign-ups go whole. A helper's request takes only the helper's details, unless nothing
    else is left to reach the person by: then that sign-up goes whole too."""
    own = CompanyRequest.objects.filter(email__iexact=email, contact_deleted_at__isnull=True)
    helped = _held(email).exclude(pk__in=own.values("pk"))
    unreachable = helped.filter(email="", phone="")
    erased = retention_anonymise(records=own | unreachable, now=now)
    return erased + helped.update(helper_name="", helper_contact="")
