"""The permission matrix for tips in the admin: staff see all; a partner sees its own, contact data included."""

import pytest
from django.urls import reverse

from tips.models import Tip, TipStatus

pytestmark = pytest.mark.django_db
LIST = "wagtailsnippets_tips_tip:list"


@pytest.fixture
def tips(partner_a, partner_b):
    def tip(partner, letter):
        return Tip.objects.create(appeal=partner.appeal, partner=partner, kind="job", message=f"Tip for {letter}",
                                  name=f"Tipster {letter}", email=f"tipster-{letter}@example.org", consent=True,
                                  town="Köln", latitude=50.94, longitude=6.96)
    return {"a": tip(partner_a, "a"), "b": tip(partner_b, "b")}


def _as(client, user):
    client.force_login(user)
    return client


MATRIX = [("staff", True, True), ("editor_a", True, False), ("moderator_a", True, False), ("editor_b", False, True)]


@pytest.mark.parametrize(("role", "sees_a", "sees_b"), MATRIX)
def test_listing_and_detail_show_only_own_tips_with_contact_data(client, request, tips, role, sees_a, sees_b):
    client = _as(client, request.getfixturevalue(role))
    listing = client.get(reverse(LIST)).content.decode()
    for letter, sees in (("a", sees_a), ("b", sees_b)):
        assert (f"tipster-{letter}@example.org" in client.get(
            # The reading view shows contact data on request ("Show contact data"), which is recorded.
            reverse("wagtailsnippets_tips_tip:inspect", args=[tips[letter].pk]) + "?contact=1").content.decode()
                ) is sees
        assert (f"#{tips[letter].pk} " in listing) is sees
        edit = client.get(reverse("wagtailsnippets_tips_tip:edit", args=[tips[letter].pk]))
        # Another partner's tip is a 404 (LocaleMiddleware turns an admin 404 into a redirect to /de/admin/...).
        assert (edit.status_code == 200) is sees


def test_someone_without_a_partner_sees_no_tips(client, tips):
    from django.contrib.auth.models import Permission

    from core.factories import UserFactory

    outsider = UserFactory(username="outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = _as(client, outsider).get(reverse(LIST))
    assert response.status_code in (302, 403)


def test_editor_moves_status_but_only_a_moderator_publishes(client, tips, editor_a, moderator_a):
    url = reverse("wagtailsnippets_tips_tip:edit", args=[tips["a"].pk])
    data = {"status": TipStatus.FORWARDED, "public_text": "Eine Bäckerei in Köln sucht Azubis.", "published": "on"}
    response = _as(client, editor_a).post(url, data)
    assert response.status_code == 200 and not Tip.objects.get(pk=tips["a"].pk).published
    data.pop("published")
    _as(client, editor_a).post(url, data)
    assert Tip.objects.get(pk=tips["a"].pk).status == TipStatus.FORWARDED
    _as(client, moderator_a).post(url, {**data, "published": "on"})
    assert Tip.objects.get(pk=tips["a"].pk).published


def test_bulk_change_touches_only_own_tips(client, tips, editor_a):
    url = reverse("wagtail_bulk_action", args=["tips", "tip", "tip_change"])
    query = f"?id={tips['a'].pk}&id={tips['b'].pk}&next=/admin/"
    _as(client, editor_a).post(url + query, {"change": TipStatus.SPAM})
    assert Tip.objects.get(pk=tips["a"].pk).status == TipStatus.SPAM
    assert Tip.objects.get(pk=tips["b"].pk).status == TipStatus.NEW


def test_tips_map_shows_own_tips(client, tips, editor_a):
    page = _as(client, editor_a).get(reverse("tips_map")).content.decode()
    assert f"#{tips['a'].pk} " in page and f"#{tips['b'].pk} " not in page


def test_search_and_filters_narrow_the_listing(client, tips, staff):
    Tip.objects.filter(pk=tips["b"].pk).update(status=TipStatus.USEFUL, channel="whatsapp")
    client = _as(client, staff)
    expected = {"q=Tip+for+a": "a", "status=new": "a", f"partner={tips['a'].partner_id}": "a",
                "channel=whatsapp": "b", "town=Köln": "ab"}
    for query, letters in expected.items():
        listing = client.get(reverse(LIST) + "?" + query).content.decode()
        assert [letter for letter in "ab" if f"#{tips[letter].pk} " in listing] == list(letters), query
