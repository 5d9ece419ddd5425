from django.apps import AppConfig


class TipsConfig(AppConfig):
    name = "tips"

    def ready(self):
        from django.db.models.signals import post_save

        from outbox.signals import email_sent

        from .models import Tip
        from .services import tip_mark_sent, tip_saved

        email_sent.connect(lambda sender, key, sent_at, **_kwargs: tip_mark_sent(key=key, sent_at=sent_at),
                           weak=False, dispatch_uid="tips-mark-sent")
        post_save.connect(lambda sender, instance, created, **_kwargs: tip_saved(tip=instance, created=created),
                          sender=Tip, weak=False, dispatch_uid="tips-saved")
