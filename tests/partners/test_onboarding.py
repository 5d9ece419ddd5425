"""Onboarding a partner, from the command line and in the admin, and what staff alone may change."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from partners.models import PartnerPage

pytestmark = pytest.mark.django_db


def _home():
    return Page.objects.get(depth=2, locale__language_code="de")


def _publishes(partner: PartnerPage) -> bool:
    return GroupPagePermission.objects.filter(
        group=partner.editors_group, page=partner, permission__codename="publish_page"
    ).exists()


def test_add_partner_creates_the_section_groups_collection_and_workflow(capsys):
    call_command("add_partner", "Hand in Hand Bonn", "--email", "tipps@hih.example.org", "--region", "Bonn")

    partner = PartnerPage.objects.get(slug="hand-in-hand-bonn")
    assert partner.live and partner.region == "Bonn"
    assert partner.editors_group.name == "Hand in Hand Bonn: editors"
    assert partner.collection.name == "Hand in Hand Bonn"
    task = partner.get_workflow().tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {"Hand in Hand Bonn: moderators", "Moderators"}
    assert not _publishes(partner)
    assert "Hand in Hand Bonn: editors" in capsys.readouterr().out


def test_add_partner_refuses_a_duplicate_and_bad_input_clearly():
    call_command("add_partner", "Hand in Hand Bonn", "--email", "tipps@hih.example.org")

    # Errors name the field and the value, in the site's language (German here).
    with pytest.raises(CommandError, match="title: .*hand in hand bonn"):
        call_command("add_partner", "hand in hand bonn", "--email", "tipps@hih.example.org")
    with pytest.raises(CommandError, match="slug: .*hand-in-hand-bonn"):
        call_command("add_partner", "Hand in Hand", "--slug", "hand-in-hand-bonn", "--email", "t@hih.example.org")
    with pytest.raises(CommandError, match="notification_email: "):
        call_command("add_partner", "Neu e.V.", "--email", "not-an-address")
    assert PartnerPage.objects.count() == 1


def test_a_partner_created_in_the_admin_is_onboarded(client, staff):
    client.force_login(staff)
    url = reverse("wagtailadmin_pages:add", args=["partners", "partnerpage", _home().pk])

    response = client.post(url, {"title": "Zusammen Kiel", "slug": "zusammen-kiel", "short_description": "",
                                 "notification_language": "de", "action-publish": "publish"})

    assert response.status_code == 302
    partner = PartnerPage.objects.get(slug="zusammen-kiel")
    assert partner.editors_group and partner.moderators_group and partner.collection
    assert partner.get_workflow().name.startswith("Zusammen Kiel")
    partner.save_revision().publish()  # a later edit must not lose what onboarding set
    partner.refresh_from_db()
    assert partner.editors_group is not None


def test_trust_takes_effect_when_staff_publish_it(partner_a):
    partner_a.trusted_to_publish = True
    partner_a.save_revision().publish()
    assert _publishes(partner_a)

    partner_a.trusted_to_publish = False
    partner_a.save_revision().publish()
    assert not _publishes(partner_a)


def test_partner_editors_cannot_see_or_set_trust_and_notification_fields(client, partner_a, editor_a, staff):
    url = reverse("wagtailadmin_pages:edit", args=[partner_a.pk])
    partner_a.moderators_group.user_set.add(editor_a)  # even with publishing rights on the partner page
    client.force_login(editor_a)

    assert "trusted_to_publish" not in client.get(url).content.decode()
    client.post(url, {"title": partner_a.title, "slug": partner_a.slug, "short_description": "neu",
                      "trusted_to_publish": "on", "notification_email": "evil@example.org",
                      "notification_language": "ar", "action-publish": "publish"})

    partner_a.refresh_from_db()
    assert partner_a.short_description == "neu"  # the edit itself went through
    assert not partner_a.trusted_to_publish and partner_a.notification_email == "tips@partner-a.example.org"
    client.force_login(staff)
    assert "trusted_to_publish" in client.get(url).content.decode()


def test_a_copied_partner_gets_its_own_groups_and_collection(client, staff, partner_a):
    client.force_login(staff)

    client.post(reverse("wagtailadmin_pages:copy", args=[partner_a.pk]),
                {"new_title": "Partner C e.V.", "new_slug": "partner-c", "new_parent_page": _home().pk,
                 "copy_subpages": "", "publish_copies": ""})

    copy = PartnerPage.objects.get(slug="partner-c")
    assert copy.editors_group not in (None, partner_a.editors_group)
    assert copy.collection not in (None, partner_a.collection)
    assert copy.get_workflow() != partner_a.get_workflow()
