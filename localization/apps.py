from django.apps import AppConfig


class LocalizationConfig(AppConfig):
    name = "localization"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
