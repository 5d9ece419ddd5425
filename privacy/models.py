"""What the retention job did, so staff see it on the dashboard and can tell it runs."""

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
