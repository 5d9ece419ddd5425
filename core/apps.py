from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from django.urls import register_converter

        from . import signals  # noqa: F401
        from .converters import IdConverter

        register_converter(IdConverter, "id")  # before any URLconf is imported
