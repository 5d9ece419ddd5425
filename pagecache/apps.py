from django.apps import AppConfig


class PagecacheConfig(AppConfig):
    name = "pagecache"

    def ready(self):
        from django.core.signals import request_finished, request_started

        from . import signals  # noqa: F401 - connects the receivers
        from .store import request_begin, request_end

        request_started.connect(request_begin, dispatch_uid="pagecache-request-begin")
        request_finished.connect(request_end, dispatch_uid="pagecache-request-end")
