"""Town pages for location-targeted posts: what is open within a town's reach, in every language."""

import pytest
from django.utils import timezone
from django.utils.html import escape

from appeals.factories import AppealPageFactory

pytestmark = pytest.mark.django_db


def test_a_town_page_lists_open_appeals_and_tandems_within_reach(client, partner_a, partner_b):
    AppealPageFactory(parent=partner_b, title="Wohnung in Bonn", town="Bonn", latitude=50.73, longitude=7.10,
                      radius_km=10)

    response = client.get("/de/orte/koeln/")

    html = response.content.decode()
    assert response.status_code == 200
    assert partner_a.appeal.title in html and partner_b.appeal.title in html  # both in Köln
    assert escape(partner_a.tandem.names) in html
    assert "Wohnung in Bonn" not in html  # 25 km away, its radius is 10
    assert 'class="share-bar"' in html
    assert 'value="http://testserver/de/orte/koeln/?via=link"' in html


def test_an_appeal_whose_radius_reaches_the_town_is_listed_there(client, partner_a):
    AppealPageFactory(parent=partner_a, title="Ausbildung im Rhein-Sieg-Kreis", town="Bonn", latitude=50.73,
                      longitude=7.10, radius_km=40)

    assert "Ausbildung im Rhein-Sieg-Kreis" in client.get("/de/orte/koeln/").content.decode()


def test_towns_with_nothing_open_are_not_found(client, partner_a):
    appeal = partner_a.appeal
    appeal.open_until = timezone.localdate() - timezone.timedelta(days=1)
    appeal.save_revision().publish()
    partner_a.tandem.unpublish()

    assert client.get("/de/orte/koeln/").status_code == 404
    assert client.get("/de/orte/atlantis/").status_code == 404


def test_a_town_page_in_arabic_lists_the_arabic_pages_and_is_in_the_sitemap(client, appeal_in_arabic):
    html = client.get("/ar/orte/koeln/").content.decode()

    assert appeal_in_arabic.title in html and 'dir="rtl"' in html
    assert "كولونيا" in html.split("<h1>")[1].split("</h1>")[0]  # Köln as Arabic readers write it
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/ar/orte/koeln/" in sitemap and "/de/orte/koeln/" in sitemap
    assert "/en/orte/koeln/" not in sitemap  # nothing in English yet
