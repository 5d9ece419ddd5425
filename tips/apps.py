from django.apps import AppConfig


class TipsConfig(AppConfig):
    name = "tips"

    def ready(self):
        from outbox.signals import email_sent

        from .services import tip_mark_sent

        email_sent.connect(lambda sender, key, sent_at, **_kwargs: tip_mark_sent(key=key, sent_at=sent_at),
                           weak=False, dispatch_uid="tips-mark-sent")
