"""The public map feeds: valid RFC 7946, bbox-filtered, rounded, cached; and the map page's "near me"."""

import gzip
import json

import pytest

from appeals.factories import AppealPageFactory
from tips.models import Tip

pytestmark = pytest.mark.django_db


def _features(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    assert "max-age" in response["Cache-Control"]
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    return collection["features"]


def test_appeals_in_the_box_come_in_lon_lat_order(client, partner_a):
    AppealPageFactory(parent=partner_a, title="In Berlin", town="Berlin", latitude=52.52, longitude=13.405)
    cologne_box = _features(client, "/api/map/appeals.geojson?bbox=6.5,50.5,7.5,51.5&lang=de")
    assert [(f["properties"]["title"], f["geometry"]["coordinates"]) for f in cologne_box] == [
        ("Appeal A", [6.96, 50.94])]
    assert cologne_box[0]["properties"]["url"] == partner_a.appeal.url
    assert len(_features(client, "/api/map/appeals.geojson?lang=de")) == 2


def test_only_published_tips_appear_rounded_and_without_contact_data(client, partner_a):
    common = {"appeal": partner_a.appeal, "partner": partner_a, "kind": "job", "town": "Köln",
              "latitude": 50.941234, "longitude": 6.958765, "email": "geheim@example.org", "message": "intern"}
    Tip.objects.create(**common, published=True, public_text="Öffentlich")
    Tip.objects.create(**common)
    features = _features(client, "/api/map/tips.geojson?bbox=5,47,15,55")
    assert [(f["geometry"]["coordinates"], f["properties"]["text"]) for f in features] == [
        ([6.96, 50.94], "Öffentlich")]
    assert "geheim" not in json.dumps(features) and "intern" not in json.dumps(features)


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "7,51,6,50", "0,-95,10,10", "nan,1,2,3", "1,2,3,inf"])
def test_bad_bbox_is_a_clear_400(client, bbox):
    response = client.get(f"/api/map/appeals.geojson?bbox={bbox}")
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == "bbox" and "bbox" in body["error"]


def test_map_page_lists_appeals_near_a_town_without_javascript(client, partner_a):
    AppealPageFactory(parent=partner_a, title="In Bonn", town="Bonn", latitude=50.73, longitude=7.10)
    AppealPageFactory(parent=partner_a, title="In Berlin", town="Berlin", latitude=52.52, longitude=13.405)
    html = client.get("/de/tips/map/?town=50667").content.decode()
    near = html[html.index('<ol class="near-list">'):html.index("</ol>")]
    assert near.index("Appeal A") < near.index("In Bonn") and "In Berlin" not in near
    # The near list comes before the map, so a phone shows it on the first screen.
    assert html.index('class="near-list"') < html.index("data-map=")


def test_map_page_explains_an_unknown_town(client):
    response = client.get("/en/tips/map/?town=Atlantis")
    assert response.status_code == 200 and "We do not know this town" in response.content.decode()


def test_a_crowded_box_is_answered_as_counts_per_grid_cell(client, partner_a, settings):
    settings.MAP_MAX_POINTS = 3
    Tip.objects.bulk_create(
        Tip(kind="job", message="x", published=True, public_text="x", latitude=50.9 + n / 1000, longitude=6.9)
        for n in range(5)
    )
    Tip.objects.create(kind="job", message="x", published=True, public_text="x", latitude=52.5, longitude=13.4)
    features = _features(client, "/api/map/tips.geojson?bbox=5,47,15,55")
    assert sorted(f["properties"]["count"] for f in features) == [1, 5]
    assert all(set(f["properties"]) == {"kind", "count"} for f in features)  # no text leaks from a cell


def test_a_tip_published_after_the_feed_was_served_shows_on_the_next_request(client, partner_a):
    """The feed is kept until the next change visitors see, not for a fixed time: publishing is such a change."""
    from tips.services import tips_publish

    tip = Tip.objects.create(appeal=partner_a.appeal, partner=partner_a, kind="job", town="Köln", message="m",
                             public_text="Jetzt öffentlich", latitude=50.94, longitude=6.96)
    assert _features(client, "/api/map/tips.geojson?bbox=5,47,15,55") == []
    tips_publish(tips=Tip.objects.filter(pk=tip.pk))
    features = _features(client, "/api/map/tips.geojson?bbox=5,47,15,55")
    assert [f["properties"]["text"] for f in features] == ["Jetzt öffentlich"]


def test_the_feed_comes_gzipped_to_clients_that_accept_it_and_plain_to_others(client, partner_a):
    url = "/api/map/appeals.geojson?bbox=5,47,15,55&lang=de"
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get(url)
    assert packed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert "Accept-Encoding" in packed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert json.loads(gzip.decompress(packed.content)) == json.loads(plain.content)
    assert json.loads(plain.content)["features"][0]["properties"]["title"] == "Appeal A"
