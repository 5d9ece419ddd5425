"""The campaign's map: waiting people counted per town, at the town's position, never a person or their details;
towns with too few people stay off it. Without JavaScript the same towns are listed."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from matching.factories import request_create
from matching.vocabulary import Status
from places.gazetteer import place_resolve
from places.models import round_to_public

COLOGNE = ("Köln", 50.9412, 6.9581)


def _people(campaign):
    for number in range(4):
        request_create(campaign=campaign, first_name=f"Kölnerin{number}", email=f"k{number}@example.org",
                       phone=f"0221 00{number}", message="Ich wohne Domstraße 5", place=COLOGNE)
    for number in range(2):
        request_create(campaign=campaign, first_name=f"Bonnerin{number}", place=("Bonn", 50.73, 7.10))
    for status in (Status.UNCONFIRMED, Status.MATCHED, Status.WITHDRAWN):  # not waiting: not counted
        request_create(campaign=campaign, first_name="Nicht", place=COLOGNE, status=status)
    for _number in range(3):  # hosts offer company; the map counts those looking for it
        request_create(campaign=campaign, role="host", first_name="Gastgeber", place=("Bonn", 50.73, 7.10))


def _feed(client, campaign, language="de"):
    with translation.override(language):
        url = reverse("matching:town_counts", args=[campaign.pk])
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    return response.content.decode()


@pytest.mark.django_db
def test_the_feed_counts_waiting_people_per_town_and_nothing_else(client, campaign):
    _people(campaign)
    body = _feed(client, campaign)
    for secret in ("Kölnerin", "example.org", "0221", "Domstraße", "Bonnerin", "Nicht"):
        assert secret not in body
    [feature] = json.loads(body)["features"]
    cologne = place_resolve(query="Köln")
    assert feature["geometry"]["coordinates"] == [round_to_public(cologne.longitude), round_to_public(cologne.latitude)]
    assert feature["properties"] == {"town": "Köln", "count": 4,
                                     "text": "4 Personen in \u2068Köln\u2069 suchen Gesellschaft"}
    arabic = json.loads(_feed(client, campaign, "ar"))["features"][0]["properties"]["text"]
    assert "Köln" in arabic and "4" in arabic and "Personen" not in arabic


@pytest.mark.django_db
def test_no_town_below_the_threshold_and_no_feed_for_an_unknown_campaign(client, campaign, settings):
    _people(campaign)
    settings.MATCHING_PUBLIC_MIN_COUNT = 5
    assert json.loads(_feed(client, campaign))["features"] == []
    settings.MATCHING_PUBLIC_MIN_COUNT = 2
    assert {f["properties"]["town"] for f in json.loads(_feed(client, campaign))["features"]} == {"Köln", "Bonn"}
    assert client.get(reverse("matching:town_counts", args=[campaign.pk + 999])).status_code == 404
    assert client.post(reverse("matching:town_counts", args=[campaign.pk])).status_code == 405


@pytest.mark.django_db
def test_without_javascript_the_page_lists_the_towns_of_the_map(client, campaign):
    _people(campaign)
    html = client.get(campaign.url).content.decode()
    assert 'data-map="nahbarCompanyMap"' in html and "<script>" not in html
    assert "4 Personen in <bdi>Köln</bdi> suchen Gesellschaft" in html and "Bonn</bdi> suchen" not in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_map_shows_the_counts_in_chromium(campaign, live_server, phone_page):
    from wagtail.models import Locale

    from tests.core.browser_audit import SCREENSHOTS

    _people(campaign)
    arabic = campaign.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    arabic.save_revision().publish()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    errors = []
    phone_page.on("pageerror", lambda error: errors.append(str(error)))
    for language in ("de", "ar"):
        phone_page.goto(live_server.url + (campaign if language == "de" else arabic).url)
        phone_page.wait_for_selector("#company-map[data-loaded='1']")
        assert phone_page.locator("#company-map .map-cluster").inner_text() == "4"
        assert phone_page.locator("#company-map .map-fallback").count() == 0
        phone_page.locator("#company-map").scroll_into_view_if_needed()
        phone_page.screenshot(path=str(SCREENSHOTS / f"company-map-{language}-phone.png"), full_page=True)
    assert errors == []
