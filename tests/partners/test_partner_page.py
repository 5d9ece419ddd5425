import pytest

from appeals.factories import AppealPageFactory

pytestmark = pytest.mark.django_db


def test_partner_page_shows_its_contact_tandems_and_all_appeals_of_its_section(client, partner_a):
    partner_a.website, partner_a.public_email = "https://partner-a.example.org", "hallo@partner-a.example.org"
    partner_a.save_revision().publish()
    direct = AppealPageFactory(parent=partner_a, title="Gesellschaft gesucht")

    html = client.get(partner_a.url).content.decode()

    assert 'href="mailto:hallo@partner-a.example.org"' in html and "https://partner-a.example.org" in html
    assert f'href="{partner_a.tandem.url}"' in html
    assert f'href="{partner_a.appeal.url}"' in html and f'href="{direct.url}"' in html
    assert "tips@partner-a.example.org" not in html  # where tips go is not for visitors
