"""The demo's Christmas campaign for `load_demo`: partners with service areas, a few dozen people waiting."""

import random

from django.utils import timezone

from .factories import campaign_create, request_create
from .models import CompanyCampaignPage
from .vocabulary import AgeBand, Feature, Kind, Role

NAMES = {"de": ["Erika", "Hans", "Gisela", "Werner", "Ilse", "Jutta", "Klaus", "Renate", "Dieter", "Monika"],
         "ar": ["فاطمة", "أحمد", "ليلى", "يوسف", "مريم", "خالد"], "en": ["Mary", "John"]}
MESSAGES = {"de": "Ich freue mich auf einen netten Abend.", "ar": "أحب الطبخ وأتمنى صحبة لطيفة.",
            "en": "Looking forward to a cosy evening."}


def _person(rng: random.Random, campaign, *, role: str, town: str, point, partner) -> None:
    language = rng.choice(["de", "de", "de", "ar", "en"])
    codes = [slot.code for slot in campaign.slots.all()]
    request_create(
        campaign=campaign, role=role, partner=partner, place=(town, point[0] + rng.uniform(-0.03, 0.03),
                                                              point[1] + rng.uniform(-0.04, 0.04)),
        first_name=rng.choice(NAMES[language]), language=language, languages=sorted({"de", language}),
        age_band=rng.choice(AgeBand.values[3:] if role == Role.SEEKER else AgeBand.values[:3]),
        travel_km=rng.choice([5, 10, 20]), kinds=rng.sample(Kind.values, 2), slots=rng.sample(codes, 2),
        needs=rng.sample([Feature.STEP_FREE, Feature.NON_SMOKING], rng.choice([0, 0, 1])) if role == Role.SEEKER
        else [], offers=rng.sample(Feature.values, 2) if role == Role.HOST else [Feature.NON_SMOKING],
        capacity=rng.choice([1, 2, 3]) if role == Role.HOST else 1, message=MESSAGES[language],
        email="", phone="", consent=True,
    )


def matching_demo_load(*, home, partners: dict, towns: dict) -> int:
    """Once: the campaign under the home page, service areas around each partner's town, people waiting."""
    if CompanyCampaignPage.objects.filter(slug="weihnachten").exists():
        return 0
    campaign = campaign_create(
        parent=home, title="Wer feiert Weihnachten mit uns?", slug="weihnachten", year=timezone.localdate().year,
        intro="<p>Niemand soll an den Feiertagen allein sein. Melden Sie sich, wenn Sie Gesellschaft suchen "
              "oder anbieten: Eine Partnerorganisation in Ihrer Nähe bringt Sie zusammen.</p>")
    rng = random.Random(24)
    created = 0
    for partner, town in zip(partners.values(), ["Köln", "Hannover", "Leipzig", "Freiburg im Breisgau"],
                             strict=False):
        partner.service_latitude, partner.service_longitude = towns[town]
        partner.service_radius_km = 40
        partner.save(update_fields=["service_latitude", "service_longitude", "service_radius_km"])
        for role, count in ((Role.SEEKER, 8), (Role.HOST, 5)):
            for _index in range(count):
                _person(rng, campaign, role=role, town=town, point=towns[town], partner=partner)
                created += 1
    return created
