"""The shared role fixtures build what other tests rely on: two separate sections and their people."""

import pytest
from wagtail.models import Page


@pytest.mark.django_db
def test_each_partner_has_its_own_section_and_people(partner_a, partner_b, editor_a, moderator_a, editor_b):
    assert partner_a.appeal.get_parent().specific == partner_a.tandem
    assert partner_a.image.collection == partner_a.collection != partner_b.collection
    assert editor_a.groups.get() == partner_a.editors_group
    assert moderator_a.groups.get() == partner_a.moderators_group
    assert editor_b.groups.get() == partner_b.editors_group
    assert Page.objects.descendant_of(partner_a).filter(pk=partner_b.appeal.pk).count() == 0
