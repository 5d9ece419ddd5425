from django.apps import AppConfig


class TandemsConfig(AppConfig):
    name = "tandems"

    def ready(self):
        from wagtail.signals import page_published

        from .models import TandemPage

        page_published.connect(_tandem_published, sender=TandemPage, dispatch_uid="tandem-application-published")


def _tandem_published(sender, instance, **kwargs):
    from .services import tandem_application_published

    tandem_application_published(tandem=instance)
