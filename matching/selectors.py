"""Reading company requests: who owns one, who may see it, the engine's view of people, public counts."""

from collections import Counter
from datetime import date

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from partners.models import PartnerPage
from places.gazetteer import place_resolve
from places.geo import distance_km
from tips.selectors import partners_of_user

from . import engine
from .models import CompanyCampaignPage, CompanyRequest, Proposal
from .vocabulary import ProposalStatus, Role, Status

# Proposals that hold a seat until answered or that filled it.
HOLDING = (ProposalStatus.SENT, ProposalStatus.MATCHED)


def proposal_relays(*, proposal: Proposal) -> bool:
    """The partner chose to relay messages, and both can receive them: then nobody's contact data is passed on."""
    partner = proposal.seeker.partner
    return bool(partner and partner.company_relay and proposal.seeker.email and proposal.host.email)


def partner_for_place(*, latitude: float, longitude: float) -> PartnerPage | None:
    """The partner whose service area covers the place, the nearest centre if several do; else nobody (staff)."""
    best, best_distance = None, None
    areas = PartnerPage.objects.filter(service_radius_km__gt=0, service_latitude__isnull=False,
                                       service_longitude__isnull=False, locale__language_code=settings.LANGUAGE_CODE)
    for partner in areas.only("id", "service_latitude", "service_longitude", "service_radius_km"):
        distance = distance_km(latitude, longitude, partner.service_latitude, partner.service_longitude)
        if distance <= partner.service_radius_km and (best_distance is None or distance < best_distance):
            best, best_distance = partner, distance
    return best


def requests_visible_to(*, user) -> QuerySet[CompanyRequest]:
    """Staff see every request; a partner's editors and moderators only their own partner's, as with tips."""
    requests = CompanyRequest.objects.select_related("campaign", "partner")
    if user.is_active and user.is_superuser:
        return requests
    if not user.is_authenticated:
        return requests.none()
    return requests.filter(partner__in=partners_of_user(user=user).values("pk"))


def proposals_visible_to(*, user) -> QuerySet[Proposal]:
    visible = requests_visible_to(user=user).values("pk")
    return Proposal.objects.select_related("seeker", "host").filter(seeker__in=visible, host__in=visible)


def user_sections(*, user) -> list[PartnerPage | None]:
    """The sections a user matches in: staff their own (requests without partner) and every partner's."""
    if user.is_superuser:
        return [None, *PartnerPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)]
    return list(partners_of_user(user=user))


def seats_taken(*, host_ids) -> dict[int, int]:
    rows = (Proposal.objects.filter(host_id__in=host_ids, status__in=HOLDING)
            .values("host_id").annotate(taken=Count("id")))
    return {row["host_id"]: row["taken"] for row in rows}


def _person(request: CompanyRequest, *, today: date, free: int = 1) -> engine.Person:
    confirmed = request.confirmed_at or request.created_at
    return engine.Person(
        id=request.pk, latitude=request.latitude, longitude=request.longitude, travel_km=request.travel_km,
        kinds=frozenset(request.kinds), slots=frozenset(request.slots), languages=frozenset(request.languages),
        needs=frozenset(request.needs), offers=frozenset(request.offers), age_band=request.age_band,
        age_preference=frozenset(request.age_preference),
        waiting_days=max(0, (today - timezone.localdate(confirmed)).days), capacity=free,
    )


def section_waiting(*, campaign: CompanyCampaignPage, partner: PartnerPage | None, role: str):
    requests = CompanyRequest.objects.filter(campaign=campaign, partner=partner, role=role,
                                             latitude__isnull=False, longitude__isnull=False)
    if role == Role.SEEKER:
        return requests.filter(status=Status.WAITING)
    return requests.filter(status__in=[Status.WAITING, Status.PROPOSED])


def engine_people(*, campaign, partner, role: str) -> list[engine.Person]:
    """The section's waiting seekers, or its hosts with their free seats, as the engine sees them."""
    requests = list(section_waiting(campaign=campaign, partner=partner, role=role))
    today = timezone.localdate()
    if role == Role.SEEKER:
        return [_person(request, today=today) for request in requests]
    taken = seats_taken(host_ids=[request.pk for request in requests])
    people = [_person(request, today=today, free=request.capacity - taken.get(request.pk, 0)) for request in requests]
    return [person for person in people if person.capacity > 0]


def excluded_pairs(*, campaign) -> set[tuple[int, int]]:
    """Every pair that was ever sent: declined, expired or failed pairs are never proposed again."""
    sent = Proposal.objects.filter(seeker__campaign=campaign).exclude(status=ProposalStatus.DRAFT)
    return set(sent.values_list("seeker_id", "host_id"))


def request_suggestions(*, request: CompanyRequest, limit: int = 10) -> list[engine.Pair]:
    """A request's best allowed partners in its own section, best first."""
    if not request.has_position:
        return []
    other_role = Role.SEEKER if request.is_host else Role.HOST
    others = engine_people(campaign=request.campaign, partner=request.partner, role=other_role)
    taken = seats_taken(host_ids=[request.pk]) if request.is_host else {}
    me = _person(request, today=timezone.localdate(), free=request.capacity - taken.get(request.pk, 0))
    return engine.suggestions_for(me, others, is_host=request.is_host,
                                  excluded=excluded_pairs(campaign=request.campaign), limit=limit)


def campaign_public_counts(*, campaign: CompanyCampaignPage) -> list[dict]:
    """Waiting seekers per town and date, only where enough people wait that nobody can be singled out."""
    rows: Counter = Counter()
    waiting = CompanyRequest.objects.filter(campaign=campaign, role=Role.SEEKER, status=Status.WAITING)
    for town, slots in waiting.values_list("town", "slots"):
        for slot in slots:
            rows[(town, slot)] += 1
    labels = dict(campaign.slot_choices())
    minimum = settings.MATCHING_PUBLIC_MIN_COUNT
    return [{"town": town, "slot": labels.get(slot, slot), "count": count}
            for (town, slot), count in sorted(rows.items(), key=lambda item: (-item[1], item[0]))
            if count >= minimum and slot in labels][:30]


def campaign_town_counts(*, campaign: CompanyCampaignPage) -> list[dict]:
    """Waiting seekers per town for the public map, where enough wait that nobody can be singled out.

    Each sits at its town's gazetteer position, never at a person's, and is named as the gazetteer names it.
    """
    waiting = CompanyRequest.objects.filter(campaign=campaign, role=Role.SEEKER, status=Status.WAITING)
    rows = waiting.exclude(town="").values("town").annotate(count=Count("pk")).order_by("-count", "town")
    towns = []
    for row in rows.filter(count__gte=settings.MATCHING_PUBLIC_MIN_COUNT):
        place = place_resolve(query=row["town"])
        if place is not None:
            towns.append({"town": place.name, "count": row["count"], "latitude": place.latitude,
                          "longitude": place.longitude})
    return towns


def matching_figures(*, requests: QuerySet[CompanyRequest]) -> dict:
    """Staff and partner figures: how many signed up, confirmed, were proposed, accepted and met."""
    proposals = Proposal.objects.filter(seeker__in=requests.values("pk"))
    met = proposals.filter(Q(seeker_outcome="met") | Q(host_outcome="met"))
    waited = [
        (matched - confirmed).days
        for matched, confirmed in proposals.filter(status=ProposalStatus.MATCHED, seeker__confirmed_at__isnull=False)
        .values_list("matched_at", "seeker__confirmed_at")
    ]
    by_town = {}
    for row in requests.exclude(status=Status.UNCONFIRMED).values("town", "role").annotate(total=Count("id")):
        by_town.setdefault(row["town"], {"seekers": 0, "hosts": 0})[f"{row['role']}s"] = row["total"]
    return {
        "signed_up": requests.count(),
        "confirmed": requests.exclude(status=Status.UNCONFIRMED).count(),
        "proposed": proposals.exclude(status=ProposalStatus.DRAFT).count(),
        "accepted": proposals.filter(status=ProposalStatus.MATCHED).count(),
        "met": met.count(),
        "average_wait_days": round(sum(waited) / len(waited), 1) if waited else None,
        "towns": sorted(by_town.items(), key=lambda item: -item[1]["seekers"])[:50],
        # A list, not the Counter: templates look `.items` up as a key first, and a Counter answers 0.
        "reasons": sorted(Counter(reason for pair in proposals.values_list("seeker_reason", "host_reason")
                                  for reason in pair if reason).items()),
    }
