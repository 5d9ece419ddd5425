from django.apps import AppConfig


class PagecacheConfig(AppConfig):
    name = "pagecache"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
