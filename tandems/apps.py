from django.apps import AppConfig


class TandemsConfig(AppConfig):
    name = "tandems"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
