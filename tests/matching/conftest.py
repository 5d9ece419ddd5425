import re

import pytest
from django.utils import translation

from matching.factories import campaign_create


@pytest.fixture
def no_wait(settings):
    settings.TIPS_MIN_SECONDS = 0


@pytest.fixture
def home(db):
    from wagtail.models import Page

    return Page.objects.get(depth=2, locale__language_code="de").specific


@pytest.fixture
def campaign(home):
    return campaign_create(parent=home, title="Weihnachten 2026", slug="weihnachten-2026", year=2026)


@pytest.fixture
def areas(partner_a, partner_b):
    """Partner A arranges company around Köln, partner B around Berlin."""
    for partner, (latitude, longitude) in ((partner_a, (50.94, 6.96)), (partner_b, (52.52, 13.40))):
        partner.service_latitude, partner.service_longitude, partner.service_radius_km = latitude, longitude, 40
        partner.save()
    return partner_a, partner_b


def signup_url(campaign, role: str, language: str = "de") -> str:
    with translation.override(language):
        from django.urls import reverse

        return reverse("matching:signup", args=[campaign.pk, role])


def form_data(client, url: str, **fields) -> dict:
    """What a phone's browser posts: the rendered hidden fields plus a valid sign-up, changed by `fields`."""
    html = client.get(url).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"', html))
    hidden.pop("csrfmiddlewaretoken", None)
    slot = re.search(r'name="slots" value="([^"]+)"', html).group(1)
    data = {"first_name": "Eva", "age_band": "65-79", "place_0": "50667", "place_1": "", "place_2": "",
            "travel_km": "10", "kinds": ["meal"], "slots": [slot], "languages": ["de"], "phone": "0221 123456",
            "email": "", "consent": "on", "capacity": "1", **hidden}
    data.update(fields)
    return data


def link_in(message, name: str) -> str:
    return re.search(rf"https?://[^\s]+/{name}/[^\s]+/", message.body).group(0).split("8000", 1)[-1]
