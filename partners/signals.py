"""Keeping permissions and the footer's cached logos in step with what staff publish."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import PartnerPage
from .selectors import partner_logo_cache_clear
from .services import partner_grant_publishing


@receiver(page_published, sender=PartnerPage)
def partner_published(sender, instance: PartnerPage, **kwargs):
    partner_logo_cache_clear()
    if instance.editors_group_id:
        # Trust is a page field, so it takes effect when staff publish the change, not when they save a draft.
        partner_grant_publishing(partner=instance)


@receiver(page_unpublished, sender=PartnerPage)
@receiver(post_delete, sender=PartnerPage)
def partner_withdrawn(sender, **kwargs):
    partner_logo_cache_clear()
