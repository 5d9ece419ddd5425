"""Keep partners' translation rights in step with their sections, however pages and permissions change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Locale
from wagtail.signals import copy_for_translation_done

from partners.models import PartnerPage

from . import services


@receiver(copy_for_translation_done)
def _translated_partner_page(sender, source_obj, target_obj, **kwargs):
    if isinstance(target_obj.specific, PartnerPage):
        services.partner_translations_mirror_permissions(partner=target_obj.specific)


def _source_partner_page(permission: GroupPagePermission) -> PartnerPage | None:
    page = permission.page
    if page.specific_class is PartnerPage and page.locale_id == Locale.get_default().id:
        return page.specific
    return None


@receiver(post_save, sender=GroupPagePermission)
def _section_permission_granted(sender, instance, **kwargs):
    # Whoever gets rights on a partner's section may translate in it (the views check which pages).
    partner = _source_partner_page(instance)
    if partner is not None:
        services.group_translation_rights_grant(group=instance.group)
        services.partner_translations_mirror_permissions(partner=partner)


@receiver(post_delete, sender=GroupPagePermission)
def _section_permission_revoked(sender, instance, **kwargs):
    partner = _source_partner_page(instance)
    if partner is not None:
        services.partner_translations_mirror_permissions(partner=partner)
