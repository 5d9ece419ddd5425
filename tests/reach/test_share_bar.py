"""The share bar: every link carries its channel, nothing is fetched from elsewhere until a visitor taps."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

pytestmark = pytest.mark.django_db
CHANNELS = ["whatsapp", "telegram", "facebook", "x", "email"]


def _share_links(html: str) -> dict[str, str]:
    bar = html[html.index('class="share-bar"'):]
    return {channel: href for href, channel in re.findall(r'<a href="([^"]+)" data-channel="([^"]+)"', bar)}


def test_each_share_link_carries_its_channel(client, partner_a):
    appeal_url = f"http://testserver{partner_a.appeal.url}"
    html = client.get(partner_a.appeal.url).content.decode()

    links = _share_links(html)

    assert sorted(links) == sorted(CHANNELS)
    for channel, href in links.items():
        assert unquote(href.replace("&amp;", "&")).count(f"{appeal_url}?via={channel}") == 1, channel
    assert f'value="{appeal_url}?via=signal"' in html and f'value="{appeal_url}?via=link"' in html
    assert f'data-share-url="{appeal_url}?via=share"' in html


def test_the_mail_link_opens_the_visitors_own_mail_program(client, partner_a):
    href = _share_links(client.get(partner_a.appeal.url).content.decode())["email"].replace("&amp;", "&")
    query = parse_qs(urlsplit(href).query)

    assert href.startswith("mailto:?") and query["subject"] == [partner_a.appeal.title]
    assert query["body"][0].endswith(f"{partner_a.appeal.url}?via=email")


def test_a_tandem_page_and_an_arabic_appeal_share_themselves(client, partner_a, appeal_in_arabic):
    tandem = _share_links(client.get(partner_a.tandem.url).content.decode())
    arabic = _share_links(client.get(appeal_in_arabic.url).content.decode())

    assert f"{partner_a.tandem.url}?via=whatsapp" in unquote(tandem["whatsapp"])
    assert f"{appeal_in_arabic.url}?via=telegram" in unquote(arabic["telegram"])


def test_the_thank_you_page_asks_to_share_the_appeal_onwards(client, partner_a):
    html = client.get(f"/de/tips/thanks/?appeal={partner_a.appeal.pk}").content.decode()

    assert 'class="share-onwards"' in html
    assert f"{partner_a.appeal.url}?via=whatsapp" in unquote(_share_links(html)["whatsapp"])
    assert 'class="share-bar"' not in client.get("/de/tips/thanks/").content.decode()


@pytest.mark.parametrize("page", ["appeal", "tandem", "home"])
def test_no_page_loads_anything_from_another_host(client, partner_a, page):
    url = {"appeal": partner_a.appeal.url, "tandem": partner_a.tandem.url, "home": "/de/"}[page]
    html = client.get(url).content.decode()

    loaded = re.findall(r'<(?:script|img|link|iframe|video|source)\b[^>]*?(?:src|href)="([^"]+)"', html)
    outside = [ref for ref in loaded if urlsplit(ref).netloc not in {"", "testserver"}]
    assert outside == []
