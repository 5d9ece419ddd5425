"""Partner editors make and switch off upload links in the Wagtail admin."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from intake.models import UploadLink

pytestmark = pytest.mark.django_db


def make_link(client, tandem, language="ar", days=7):
    return client.post(reverse("intake_links:index"), {"tandem": tandem.pk, "language": language, "days": days})


def test_editor_makes_a_link_shown_as_address_and_qr_code(client, editor_a, partner_a):
    client.force_login(editor_a)

    response = make_link(client, partner_a.tandem)

    html = response.content.decode()
    url = re.search(r'value="(http://testserver/ar/upload/[^"]+/)"', html).group(1)
    assert "<svg" in html and "<path" in html
    link = UploadLink.objects.get()
    assert link.created_by == editor_a and link.language == "ar"
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43 and token not in link.token_hash, "only a digest of the token is stored"
    page = client.get(url)
    assert page.status_code == 200 and 'dir="rtl"' in page.content.decode()


def test_revoked_link_accepts_nothing(client, editor_a, live_link):
    client.force_login(editor_a)
    assert live_link.link.tandem.title in client.get(reverse("intake_links:index")).content.decode()

    client.post(reverse("intake_links:revoke", args=[live_link.link.pk]))

    client.logout()
    assert client.get(live_link.url()).status_code == 410


def test_editor_cannot_make_a_link_for_another_partners_tandem(client, editor_b, partner_a):
    client.force_login(editor_b)

    response = make_link(client, partner_a.tandem)

    assert response.status_code == 200 and not UploadLink.objects.exists()
    assert "error" in response.content.decode()


def test_tandem_page_in_the_admin_leads_to_its_upload_link(client, editor_a, partner_a):
    tandem = partner_a.tandem
    link_page = f"{reverse('intake_links:index')}?tandem={tandem.pk}"
    client.force_login(editor_a)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[tandem.pk])).content.decode()
    form = client.get(link_page).content.decode()

    assert link_page in edit
    assert re.search(rf'<option value="{tandem.pk}" selected>', form)
