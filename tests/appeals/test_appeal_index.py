"""The index of all open appeals: filters in the address, clear errors, pagination that keeps the filters."""

import datetime

import pytest

from appeals.factories import AppealIndexPageFactory, AppealPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(partner_a, partner_b):
    AppealPageFactory(parent=partner_b, title="Wohnung in Leipzig", town="Leipzig", category="housing")
    AppealPageFactory(parent=partner_b, title="Abgelaufen", town="Leipzig", category="housing",
                      open_until=datetime.date(2020, 1, 1))
    return AppealIndexPageFactory()


def _titles(response) -> set[str]:
    return {page.title for page in response.context["results"]}


def test_filters_by_town_category_and_tag(client, index, partner_a):
    partner_a.appeal.tags.add("Handwerk")
    partner_a.appeal.save_revision().publish()

    assert _titles(client.get(index.url)) == {"Appeal A", "Appeal B", "Wohnung in Leipzig"}
    assert _titles(client.get(index.url, {"town": "Leipzig"})) == {"Wohnung in Leipzig"}
    assert _titles(client.get(index.url, {"category": "apprenticeship"})) == {"Appeal A", "Appeal B"}
    assert _titles(client.get(index.url, {"tag": "Handwerk"})) == {"Appeal A"}


def test_bad_filters_are_reported_and_the_valid_ones_still_apply(client, index):
    response = client.get(index.url, {"town": "Leipzig", "category": "<script>", "page": "x"})

    assert response.status_code == 200
    assert _titles(response) == {"Wohnung in Leipzig"}
    html = response.content.decode()
    assert 'role="alert"' in html and "<script>" not in html


def test_no_match_says_so_and_offers_to_clear(client, index):
    response = client.get(index.url, {"town": "Köln", "category": "housing"})

    assert _titles(response) == set()
    assert 'class="empty-state"' in response.content.decode()
    assert 'href="?"' in response.content.decode()


def test_pagination_keeps_the_filters(client, index, partner_b):
    for number in range(13):
        AppealPageFactory(parent=partner_b, title=f"Leipzig {number}", town="Leipzig")

    first = client.get(index.url, {"town": "Leipzig"})
    assert len(first.context["results"]) == 12
    assert "?town=Leipzig&amp;page=2" in first.content.decode()
    assert len(client.get(index.url, {"town": "Leipzig", "page": 2}).context["results"]) == 2
