"""The most visited pages cost a fixed, small number of queries when the page cache misses, however much
content they hold: tags, outcomes, published tips, pictures, partners with logos, featured appeals, the
network's and the partner's imprint and privacy notice."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from appeals.factories import AppealIndexPageFactory, AppealPageFactory
from core.factories import ImageFactory
from core.models import LegalKind, LegalPage
from home.models import FeaturedAppeal
from partners.factories import PartnerPageFactory
from tandems.factories import TandemIndexPageFactory
from tandems.models import TandemStatusChange
from tips.models import Tip, TipStatus

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10  # issue 14: the appeal, tandem and home pages at no more than 10 queries on a miss


@pytest.fixture
def rich_campaign(partner_a, settings):
    AppealIndexPageFactory()
    TandemIndexPageFactory()
    tandem, appeal = partner_a.tandem, partner_a.appeal
    for number in range(3):
        logo_partner = PartnerPageFactory(title=f"Weitere {number}")
        logo_partner.logo = ImageFactory(title=f"Logo {number}")
        logo_partner.save_revision().publish()
    partner_a.logo = ImageFactory(collection=partner_a.collection)
    partner_a.save_revision().publish()
    appeal.tags.add("Handwerk", "Elektro", "Köln", "Ausbildung")
    appeal.save_revision().publish()
    for number in range(5):
        AppealPageFactory(parent=tandem, title=f"Sibling {number}")
    tandem.portrait = ImageFactory(collection=partner_a.collection)
    tandem.languages.add("Arabisch", "Deutsch")
    tandem.skills.add("Löten", "Fahrrad")
    tandem.sought_occupations.add("Elektroniker")
    for status in ("interview", "internship", "job_found"):
        TandemStatusChange(tandem=tandem, status=status, note=f"Note {status}", locale=tandem.locale).save()
    tandem.story = [("text", "<p>Wir haben uns im Sprachcafé getroffen.</p>"),
                    ("image", {"image": ImageFactory(collection=partner_a.collection), "caption": "Beim Löten"})]
    tandem.save_revision().publish()
    for number in range(6):
        Tip.objects.create(appeal=appeal, partner=partner_a, kind="job", message="raw", town="Köln",
                           public_text=f"Tipp {number}", status=TipStatus.USEFUL, published=True, language="de")
    home = Page.objects.get(depth=2, locale__language_code="de").specific
    for parent in (home, partner_a):
        for kind in (LegalKind.IMPRINT, LegalKind.PRIVACY):
            legal = LegalPage(title=f"{kind} {parent.slug}", slug=f"{kind}-{parent.slug}", kind=kind, body="<p>x</p>")
            parent.add_child(instance=legal)
            legal.save_revision().publish()
    for sort_order, featured in enumerate(list(tandem.get_children().specific())[:4]):
        FeaturedAppeal.objects.create(home=home, appeal=featured, sort_order=sort_order)
    return partner_a


def _count(client, url: str) -> tuple[int, str]:
    client.get(f"{url}?visit=1")  # warm Wagtail's per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{url}?visit=2")  # an address of its own: a page cache miss
    assert response.status_code == 200 and response["X-Cache"] == "miss"
    return len(queries), "\n".join(query["sql"][:300] for query in queries)


@pytest.mark.parametrize("page", ["appeal", "tandem", "home"])
def test_a_page_render_costs_a_fixed_small_number_of_queries(client, rich_campaign, page):
    url = {"appeal": rich_campaign.appeal.url, "tandem": rich_campaign.tandem.url, "home": "/de/"}[page]
    count, sql = _count(client, url)
    assert count <= MAX_QUERIES, f"{page}: {count} queries\n{sql}"
