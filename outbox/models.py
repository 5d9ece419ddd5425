"""Every e-mail the portal sends is first a row here, written in the same transaction as what caused it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    REFUSED = "refused", _("refused by the mail server")
    FAILED = "failed", _("could not be delivered")


UNDELIVERABLE = (EmailStatus.REFUSED, EmailStatus.FAILED)


class OutgoingEmail(models.Model):
    key = models.CharField(_("key"), max_length=200, unique=True,
                           help_text=_("One logical e-mail: queuing the same key again sends nothing more."))
    recipients = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    reply_to = models.CharField(_("reply to"), max_length=254, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    sending_since = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return self.subject
