"""A partner's editor or moderator opens the admin in their own section, and its dashboard counts only it.

Wagtail starts everyone at the lowest page above all their permitted pages: with a partner's page translated,
that is the tree's root (above every language's home page), and its page count is the whole site's.
"""

import re

import pytest
from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests.localization.conftest import translate_page

COUNT = re.compile(r'href="/admin/pages/(\d+)/">\s*(\d+) Seiten?')


def _speaks(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def _dashboard_count(client) -> tuple[int, int]:
    body = client.get("/admin/").content.decode()
    page_id, count = COUNT.search(body).groups()
    return int(page_id), int(count)


@pytest.fixture
def arabic_partner_a(partner_a):
    """Partner A's section in German and, in part, in Arabic: the translations count as its section too."""
    return translate_page(partner_a.tandem, "ar", title="ترادف أ")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor_a", "moderator_a"])
def test_partner_people_land_in_their_section(request, client, arabic_partner_a, partner_a, partner_b, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get("/admin/pages/").url == f"/admin/pages/{partner_a.pk}/"
    body = client.get("/admin/").content.decode()
    assert f'"/admin/pages/{partner_a.pk}/"' in body  # the sidebar's "Pages" opens the section
    # Partner A in German (page, tandem, appeal) and in Arabic (the tandem and the partner page above it).
    assert _dashboard_count(client) == (partner_a.pk, 5)


@pytest.mark.django_db
def test_arabic_speaking_editor_lands_in_the_arabic_section(client, arabic_partner_a, partner_a, editor_a):
    _speaks(editor_a, "ar")
    client.force_login(editor_a)
    arabic_partner = partner_a.get_translation(arabic_partner_a.locale)

    assert client.get("/admin/pages/").url == f"/admin/pages/{arabic_partner.pk}/"
    assert client.get(f"/admin/pages/{arabic_partner.pk}/").status_code == 200
    assert client.get(f"/admin/pages/{partner_a.pk}/").status_code == 200  # German stays a click away


@pytest.mark.django_db
def test_other_partner_lands_in_its_own(client, partner_a, editor_b, partner_b):
    client.force_login(editor_b)

    assert client.get("/admin/pages/").url == f"/admin/pages/{partner_b.pk}/"
    assert _dashboard_count(client) == (partner_b.pk, 3)


@pytest.mark.django_db
def test_staff_still_start_at_the_root_and_count_every_page(client, partner_a, partner_b, staff):
    client.force_login(staff)

    assert client.get("/admin/pages/").status_code == 200
    assert _dashboard_count(client)[1] == Page.objects.filter(depth__gt=1).count()
