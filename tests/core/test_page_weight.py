"""Page weight: compressed HTML, no map script where there is no map, and a budget for the appeal page."""

import gzip
import re

import pytest

from core.factories import ImageFactory
from tests.core.browser_audit import PHONE, record_outside_requests

BUDGET_BYTES = 150 * 1024  # the appeal page without images, as transferred


@pytest.mark.django_db
def test_html_leaves_compressed_for_browsers_that_accept_it(client, partner_a):
    response = client.get(partner_a.appeal.url, HTTP_ACCEPT_ENCODING="gzip, br")

    assert response["Content-Encoding"] == "gzip"
    assert b"<h1>" in gzip.decompress(response.content)


@pytest.mark.django_db
def test_pages_without_a_map_load_no_map_script_and_no_script_blocks_rendering(client, partner_a):
    for url in (partner_a.appeal.url, partner_a.tandem.url, partner_a.url, "/de/search/"):
        html = client.get(url).content.decode()
        assert "leaflet" not in html, url
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html):
            assert " defer" in tag or " async" in tag, (url, tag)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_appeal_page_stays_within_its_weight_budget_on_a_phone(live_server, browser, partner_a):
    appeal = partner_a.appeal
    appeal.image = ImageFactory(title="Workshop", collection=partner_a.collection)
    appeal.save_revision().publish()
    context = browser.new_context(viewport=PHONE)
    record_outside_requests(context)
    page = context.new_page()
    page.goto(live_server.url + appeal.url, wait_until="networkidle")

    sizes = page.evaluate("""() => [...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource')].map(e => [e.name, e.initiatorType, e.transferSize])""")
    without_images = sum(size for name, kind, size in sizes
                         if kind != "img" and not re.search(r"\.(webp|avif|png|jpe?g|svg)(\?|$)", name))

    print(f"appeal page without images: {without_images} bytes")
    assert 0 < without_images <= BUDGET_BYTES
    context.close()
