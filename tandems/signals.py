from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import page_published

from .models import TandemPage
from .services import tandem_application_published
from .translation_sync import tandem_translations_follow


@receiver(page_published, sender=TandemPage)
def tandem_published(sender, instance: TandemPage, revision=None, **kwargs):
    # The source is the page in the default language; a translation's own publish changes nothing elsewhere.
    if instance.locale_id == Locale.get_default().pk:
        tandem_translations_follow(tandem=instance, revision=revision)
    tandem_application_published(tandem=instance)
