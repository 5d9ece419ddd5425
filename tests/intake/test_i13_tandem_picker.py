"""The upload-link form names each tandem once, however many languages it is translated into."""

import pytest
from django.urls import reverse

from tests.localization.conftest import translate_page

pytestmark = pytest.mark.django_db


def test_each_tandem_is_offered_once(client, partner_a, partner_b, editor_a):
    for code in ("en", "ar"):
        translate_page(partner_a.tandem, code, title="Tandem A")
    client.force_login(editor_a)
    html = client.get(reverse("intake_links:index")).content.decode()
    assert html.count(">Tandem A</option>") == 1 and "Tandem B" not in html
