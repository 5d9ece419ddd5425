"""An appeal page as a visitor sees it, and what it costs the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appeals.factories import AppealIndexPageFactory, AppealPageFactory
from core.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_appeal_page_shows_the_ask_its_tandem_and_its_partner(client, partner_a):
    index = AppealIndexPageFactory()
    appeal = partner_a.appeal
    appeal.tags.add("Handwerk", "Elektro")
    appeal.save_revision().publish()

    html = client.get(appeal.url).content.decode()

    assert appeal.title in html
    assert "Ein Betrieb, der Amal eine Chance gibt." in html  # what is needed, as rich text
    assert "Köln" in html and "25 km" in html
    assert f'href="{index.url}?tag=handwerk">Handwerk</a>' in html and "Elektro" in html
    assert f'href="{partner_a.tandem.url}"' in html
    assert 'class="partner-header"' in html and partner_a.title in html
    assert 'class="appeal-actions"' in html  # the tips module's calls to action


def _render_count(client, url: str) -> int:
    client.get(url)  # warm Wagtail's per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_appeal_page_costs_the_same_queries_with_many_tags_logos_and_siblings(client, partner_a, settings):
    settings.PAGE_CACHE_SECONDS = 0  # what a render costs, not a page cache hit
    appeal = partner_a.appeal
    # The page leads with the tandem's portrait: one picture, one rendition lookup, in both counts.
    partner_a.tandem.portrait = ImageFactory(collection=partner_a.collection)
    partner_a.tandem.save_revision().publish()
    few = _render_count(client, appeal.url)

    appeal.tags.add(*(f"tag {number}" for number in range(25)))
    appeal.save_revision().publish()
    for number in range(12):
        AppealPageFactory(parent=partner_a.tandem, title=f"Sibling {number}")
    partner_a.logo = ImageFactory(collection=partner_a.collection)
    partner_a.save_revision().publish()

    assert _render_count(client, appeal.url) == few
