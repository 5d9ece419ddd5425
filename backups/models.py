from django.db import models
from django.utils.translation import gettext_lazy as _


class BackupRun(models.Model):
    """One backup or verification, recorded when it ends.

    A run is stored only once it has finished, so an archive never contains a half-done record of
    itself. A restore replaces the whole database, so afterwards this history is the archived one.
    """

    class Kind(models.TextChoices):
        BACKUP = "backup", _("Backup")
        VERIFY = "verify", _("Verification")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"))
    ok = models.BooleanField(_("succeeded"))
    archive = models.CharField(_("archive"), max_length=255, blank=True)
    archive_created_at = models.DateTimeField(_("archive created at"), null=True, blank=True)
    size = models.BigIntegerField(_("size in bytes"), default=0)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-finished_at"]
        verbose_name = _("backup run")
        verbose_name_plural = _("backup runs")
        indexes = [models.Index(fields=["kind", "ok", "-finished_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.archive} ({'ok' if self.ok else 'failed'})"
