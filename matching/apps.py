from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Company matching")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import CompanyRequest
        from .services import company_request_changed

        def changed(sender, instance, created=False, **_kwargs):
            company_request_changed(created=created)

        post_save.connect(changed, sender=CompanyRequest, weak=False, dispatch_uid="matching-request-saved")
        post_delete.connect(changed, sender=CompanyRequest, weak=False, dispatch_uid="matching-request-deleted")
