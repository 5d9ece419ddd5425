"""Company campaign pages are shared like appeals: a share card drawn per published revision, a share bar
whose every link carries its channel, and a poster."""

import io
import re
from urllib.parse import unquote

import pytest
from PIL import Image
from wagtail.models import Page

from matching.factories import campaign_create
from reach.services import share_card_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(db):
    home = Page.objects.get(depth=2, locale__language_code="de").specific
    campaign = campaign_create(parent=home, title="Weihnachten 2026", slug="weihnachten-2026", year=2026,
                               intro="<p>Niemand soll Weihnachten allein sein.</p>")
    campaign.refresh_from_db()
    return campaign


def test_a_campaign_gets_a_share_card_per_published_revision(client, campaign):
    card = share_card_make(page_id=campaign.pk, revision_id=campaign.live_revision_id)
    html = client.get(campaign.url).content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert image.endswith(f"{campaign.pk}-{campaign.live_revision_id}.jpg")
    picture = Image.open(io.BytesIO(client.get(image.replace("http://testserver", "")).getvalue()))
    assert picture.size == (1200, 630) == (card.width, card.height)

    campaign.title = "Weihnachten 2026: niemand allein"
    campaign.save_revision().publish()
    campaign.refresh_from_db()
    assert share_card_make(page_id=campaign.pk, revision_id=campaign.live_revision_id).pk != card.pk


def test_a_campaign_has_a_share_bar_whose_links_carry_their_channel_and_a_poster(client, campaign):
    html = client.get(campaign.url).content.decode()
    links = re.findall(r'<a [^>]*data-channel="([a-z]+)"[^>]*href="([^"]+)"|<a [^>]*href="([^"]+)"[^>]*data-channel="'
                       r'([a-z]+)"', html)
    pairs = [(first or fourth, second or third) for first, second, third, fourth in links]
    assert {channel for channel, _href in pairs} >= {"whatsapp", "telegram", "facebook", "x", "email"}
    for channel, href in pairs:
        assert f"{campaign.url}?via={channel}" in unquote(href.replace("&amp;", "&")), channel
    assert 'class="share-bar' in html and f"/poster/{campaign.pk}.pdf" in html

    poster = client.get(f"/poster/{campaign.pk}.pdf")
    assert poster.status_code == 200 and poster.content.startswith(b"%PDF")
