"""Writing what translation needs beyond wagtail-localize: partners' rights over their translated sections."""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale

from partners.models import PartnerPage


def _partner_groups(partner: PartnerPage) -> list:
    return [group for group in (partner.editors_group, partner.moderators_group) if group is not None]


def partner_translation_rights_grant(*, partner: PartnerPage) -> None:
    """Let the partner's own groups submit translations (which pages: see localization.views)."""
    permission = Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation")
    for group in _partner_groups(partner):
        group.permissions.add(permission)


def _source_partner(partner: PartnerPage) -> PartnerPage:
    """The partner page in the default language: onboarding set the group permissions there."""
    default = Locale.get_default()
    if partner.locale_id == default.id:
        return partner
    return partner.get_translation_or_none(default) or partner


@transaction.atomic
def partner_translations_mirror_permissions(*, partner: PartnerPage) -> None:
    """Give every translation of a partner page the same group page permissions as the source page.

    Wagtail's page permissions follow the tree path, and a translation lives in another tree (under the
    translated home page), so without this the partner's editors could not edit their own translations.
    Mirroring (not adding) keeps a later change on the source, like revoking publishing, in step.
    """
    source = _source_partner(partner)
    groups = _partner_groups(source)
    wanted = set(GroupPagePermission.objects.filter(page=source, group__in=groups)
                 .values_list("group_id", "permission_id"))
    for translation in source.get_translations():
        existing = GroupPagePermission.objects.filter(page=translation, group__in=groups)
        for row in existing:
            if (row.group_id, row.permission_id) not in wanted:
                row.delete()
        for group_id, permission_id in wanted:
            GroupPagePermission.objects.get_or_create(page=translation, group_id=group_id, permission_id=permission_id)
