from django.dispatch import receiver
from wagtail.signals import page_published

from .renditions import renditions_prepare_later


@receiver(page_published)
def page_published_renditions(sender, instance, **kwargs):
    if sender.__name__ in {"AppealPage", "TandemPage"}:
        renditions_prepare_later(page=instance)
