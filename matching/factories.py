"""Factories for company campaigns and requests (tests and the demo)."""

import datetime

from django.utils import timezone

from .models import CampaignSlot, CompanyCampaignPage, CompanyRequest
from .vocabulary import Kind, PartOfDay, Role, Status

CHRISTMAS_SLOTS = [(24, PartOfDay.EVENING), (25, PartOfDay.AFTERNOON), (26, PartOfDay.AFTERNOON),
                   (31, PartOfDay.EVENING)]


def campaign_create(*, parent, title: str, slug: str, year: int, hashtag: str = "KeinerBleibtAllein",
                    intro: str = "") -> CompanyCampaignPage:
    """A published Christmas campaign with its four fixed dates."""
    campaign = CompanyCampaignPage(
        title=title, slug=slug, hashtag=hashtag, intro=intro, starts_on=datetime.date(year, 12, 1),
        ends_on=datetime.date(year + 1, 1, 6), kinds=list(Kind.values), weekly_slots=False,
    )
    campaign.slots = [CampaignSlot(date=datetime.date(year, 12, day), part_of_day=part)
                      for day, part in CHRISTMAS_SLOTS]
    parent.add_child(instance=campaign)
    campaign.save_revision().publish()
    return campaign


def request_create(*, campaign, role: str = Role.SEEKER, place=("Köln", 50.9375, 6.9603), partner=None,
                   status: str = Status.WAITING, **fields) -> CompanyRequest:
    town, latitude, longitude = place
    defaults = {
        "first_name": "Eva", "age_band": "65-79", "travel_km": 10, "kinds": ["meal"],
        "slots": [campaign.slots.first().code], "languages": ["de"], "phone": "0221 123456",
        "email": "", "consent": True, "capacity": 1,
    }
    return CompanyRequest.objects.create(
        campaign=campaign, role=role, town=town, latitude=latitude, longitude=longitude, partner=partner,
        status=status, confirmed_at=timezone.now() if status != Status.UNCONFIRMED else None,
        **{**defaults, **fields},
    )
