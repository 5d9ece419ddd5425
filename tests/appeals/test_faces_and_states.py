"""People first: pictures on cards and pages (responsive WebP made at publish time), the ask and its button,
the partner's contact, and clear found/closed states."""

import datetime
import re
import time
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from appeals.factories import AppealIndexPageFactory, AppealPageFactory
from appeals.services import appeal_close
from core.factories import ImageFactory
from core.renditions import CARD, LEAD

pytestmark = pytest.mark.django_db


def _with_picture(appeal, partner):
    appeal.image = ImageFactory(title="Workshop", description="A workshop bench", collection=partner.collection)
    appeal.save_revision().publish()
    return appeal


@pytest.mark.django_db(transaction=True)
def test_publishing_makes_every_public_size_before_any_visitor_asks(celery_worker, partner_a):
    appeal = _with_picture(partner_a.appeal, partner_a)  # the worker makes them after the publish commits

    renditions = get_image_model().objects.get(pk=appeal.image_id).renditions
    for _attempt in range(100):
        made = set(renditions.values_list("filter_spec", flat=True))
        if set(CARD) | set(LEAD) <= made:
            break
        time.sleep(0.2)
    assert set(CARD) | set(LEAD) <= made


def test_cards_carry_a_responsive_webp_picture_with_its_alt_text(client, partner_a):
    _with_picture(partner_a.appeal, partner_a)
    index = AppealIndexPageFactory()

    html = client.get(index.url).content.decode()

    card = re.search(r'<article class="card appeal-card.*?</article>', html, re.S).group(0)
    img = re.search(r"<img [^>]*>", card).group(0)
    assert "srcset=" in img and ".webp 400w" in img and ".webp 800w" in img
    assert 'sizes="' in img and 'loading="lazy"' in img and 'alt="A workshop bench"' in img


def test_an_index_of_many_pictured_appeals_costs_no_query_per_card(client, partner_a):
    index = AppealIndexPageFactory()
    _with_picture(partner_a.appeal, partner_a)
    client.get(index.url)
    with CaptureQueriesContext(connection) as few:
        client.get(index.url)
    for number in range(6):
        _with_picture(AppealPageFactory(parent=partner_a, title=f"More {number}"), partner_a)
    client.get(index.url)  # renditions are made at publish time; here (no worker) by this first visit
    with CaptureQueriesContext(connection) as many:
        client.get(index.url)

    assert len(many) == len(few)


def test_the_appeal_page_leads_with_the_picture_the_ask_and_the_partners_contact(client, partner_a):
    partner_a.public_email, partner_a.public_phone = "kontakt@partner-a.example.org", "0221 123456"
    partner_a.save_revision().publish()
    appeal = _with_picture(partner_a.appeal, partner_a)

    html = client.get(appeal.url).content.decode()

    lead = html[html.index('<header class="lead'):html.index("</header>", html.index('<header class="lead'))]
    assert 'fetchpriority="high"' in lead and ".webp" in lead
    assert f'href="/de/tips/appeal/{appeal.pk}/"' in lead  # "give a tip" before what is needed
    assert html.index("button--big") < html.index("</header>", html.index('<header class="lead'))
    assert "mailto:kontakt@partner-a.example.org" in html and "tel:0221 123456" in html


def test_a_found_appeal_thanks_everyone_and_takes_no_tip(client, partner_a):
    appeal = partner_a.appeal
    appeal_close(appeal=appeal, reason="job_found", on=timezone.localdate())  # as recording "job found" does

    html = client.get(appeal.url).content.decode()

    assert 'class="state state--found"' in html
    assert f"/de/tips/appeal/{appeal.pk}/" not in html
    assert appeal.title not in client.get("/api/map/appeals.geojson?lang=de").content.decode()


def test_a_closed_appeal_says_so_and_offers_the_general_form(client, partner_a):
    appeal = partner_a.appeal
    appeal.open_until = timezone.localdate() - datetime.timedelta(days=1)
    appeal.open_from = appeal.open_until - datetime.timedelta(days=30)
    appeal.save_revision().publish()

    html = client.get(appeal.url).content.decode()

    assert 'class="state state--closed"' in html and 'href="/de/tips/offer/"' in html
    assert 'class="button button--big"' not in html


def test_home_leads_with_the_peoples_faces_and_the_ask(client, partner_a):
    tandem = partner_a.tandem
    tandem.portrait = ImageFactory(title="Portrait", collection=partner_a.collection)
    tandem.save_revision().publish()
    home = Page.objects.get(depth=2, locale__language_code="de").specific
    home.ask = "Ein Tipp von Ihnen hilft."
    home.save_revision().publish()

    html = client.get("/de/").content.decode()

    hero = html[html.index('class="hero"'):html.index("</section>", html.index('class="hero"'))]
    assert f'href="{tandem.url}"' in hero and f'alt="{escape(tandem.names)}"' in hero and ".webp" in hero
    assert "<h1" in hero and "Ein Tipp von Ihnen hilft." in hero


def test_network_pages_carry_the_networks_brand_and_partner_pages_the_partners(client, partner_a):
    home = client.get("/de/").content.decode()
    partner = client.get(partner_a.url).content.decode()

    assert 'class="brand-header"' in home and 'class="partner-header"' not in home
    assert 'class="partner-header"' in partner and 'class="brand-header"' not in partner
