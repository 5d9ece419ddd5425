"""Imprint and privacy notice: linked from every footer and beside the forms that take personal data."""

import pytest
from wagtail.models import Page

from core.models import LegalKind, LegalPage

pytestmark = pytest.mark.django_db


def _legal(parent, kind: str, title: str) -> LegalPage:
    page = LegalPage(title=title, slug=f"{kind}-{parent.slug}", kind=kind, body=f"<p>{title} text</p>")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _privacy_note(html: str) -> str:
    start = html.index('class="privacy-note"')
    return html[start:html.index("</aside>", start)]


@pytest.fixture
def network_legal(db):
    home = Page.objects.get(depth=2, locale__language_code="de").specific
    return {kind: _legal(home, kind, f"Network {kind}") for kind in LegalKind.values}


def test_every_footer_links_the_networks_imprint_and_privacy_notice(client, network_legal, partner_a):
    for url in ("/de/", partner_a.url, partner_a.appeal.url, "/de/search/", "/de/tips/map/"):
        html = client.get(url).content.decode()
        assert f'href="{network_legal["imprint"].url}"' in html, url
        assert f'href="{network_legal["privacy"].url}"' in html, url


def test_a_partners_pages_link_its_own_notice_and_fall_back_to_the_networks(client, network_legal, partner_a,
                                                                         partner_b):
    own_privacy = _legal(partner_a, "privacy", "Partner A privacy")

    html_a = client.get(partner_a.appeal.url).content.decode()
    html_b = client.get(partner_b.appeal.url).content.decode()

    assert f'href="{own_privacy.url}"' in html_a and f'href="{network_legal["privacy"].url}"' not in html_a
    assert f'href="{network_legal["imprint"].url}"' in html_a  # A wrote no imprint of its own
    assert f'href="{own_privacy.url}"' not in html_b and f'href="{network_legal["privacy"].url}"' in html_b


def test_a_legal_page_reads_as_written(client, network_legal):
    response = client.get(network_legal["imprint"].url)

    assert response.status_code == 200
    assert "Network imprint text" in response.content.decode()


def test_the_tip_form_says_which_partner_receives_the_data_and_links_its_notice(client, network_legal, partner_a):
    own_privacy = _legal(partner_a, "privacy", "Partner A privacy")

    html = client.get(f"/de/tips/appeal/{partner_a.appeal.pk}/").content.decode()

    note = _privacy_note(html)
    assert partner_a.title in note
    assert f'href="{own_privacy.url}"' in note


def test_the_general_offer_form_names_the_network_as_receiver(client, network_legal, partner_a):
    html = client.get("/de/tips/offer/").content.decode()

    note = _privacy_note(html)
    assert "Nahbar" in note and partner_a.title not in note
    assert f'href="{network_legal["privacy"].url}"' in note


def test_a_partner_editor_may_write_a_notice_for_its_own_section_only(client, editor_a, partner_a, partner_b):
    client.force_login(editor_a)

    own = client.get(f"/admin/pages/add/core/legalpage/{partner_a.pk}/")
    other = client.get(f"/admin/pages/add/core/legalpage/{partner_b.pk}/")

    assert own.status_code == 200
    assert other.status_code in (302, 403)
    assert partner_b.title not in other.content.decode()


def test_anonymous_visitors_cannot_reach_the_admin_form(client, partner_a):
    response = client.get(f"/admin/pages/add/core/legalpage/{partner_a.pk}/")

    assert response.status_code == 302 and "/login/" in response["Location"]
