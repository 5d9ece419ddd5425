from django.apps import AppConfig


class TandemsConfig(AppConfig):
    name = "tandems"
