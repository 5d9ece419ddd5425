"""Keep partners' translation rights in step with their sections, however pages and permissions change."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done, page_published

from partners.models import PartnerPage

from . import services


@receiver(copy_for_translation_done)
def _translated_partner_page(sender, source_obj, target_obj, **kwargs):
    if isinstance(target_obj.specific, PartnerPage):
        services.partner_translations_mirror_permissions(partner=target_obj.specific)


@receiver(page_published)
def _published_partner_page(sender, instance, **kwargs):
    # Publishing a partner page may change its section's rights (trust to publish): carry them over.
    if isinstance(instance, PartnerPage) or instance.specific_class is PartnerPage:
        services.partner_translations_mirror_permissions(partner=instance.specific)


@receiver(m2m_changed, sender=Group.permissions.through)
def _admin_access_granted(sender, instance, action, pk_set, reverse, **kwargs):
    # Whoever may use the admin may submit translations; localization.views limits it to pages they may edit.
    if action == "post_add" and not reverse and pk_set and Permission.objects.filter(
        pk__in=pk_set, content_type__app_label="wagtailadmin", codename="access_admin"
    ).exists():
        services.group_translation_rights_grant(group=instance)
