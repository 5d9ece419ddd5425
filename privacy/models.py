"""What the retention job did, so staff see it on the dashboard and can tell it runs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRun(models.Model):
    ran_at = models.DateTimeField(_("ran at"), auto_now_add=True, db_index=True)
    anonymised = models.PositiveIntegerField(_("records anonymised"), default=0)

    class Meta:
        verbose_name = _("retention run")
        ordering = ["-ran_at"]

    def __str__(self):
        return f"{self.ran_at:%Y-%m-%d %H:%M}: {self.anonymised}"


class ErasureRecord(models.Model):
    """That personal data was erased on request, and by whom: the address itself is not kept, only a digest."""

    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)
    address_digest = models.CharField(_("address digest"), max_length=64, db_index=True)
    records = models.PositiveIntegerField(_("records erased"), default=0)
    by_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                verbose_name=_("erased by staff"))

    class Meta:
        verbose_name = _("erasure on request")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.erased_at:%Y-%m-%d %H:%M}: {self.records}"
