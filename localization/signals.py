"""Keep partners' translation rights in step with their pages, whoever creates or publishes them."""

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
    if isinstance(instance.specific, PartnerPage):
        partner = PartnerPage.objects.get(pk=instance.pk)
        services.partner_translation_rights_grant(partner=partner)
        services.partner_translations_mirror_permissions(partner=partner)
