"""Queue and deliver e-mails.

A queued e-mail is a row written in the caller's transaction, so it exists exactly when what caused it exists.
Delivery happens after commit and outside any request transaction: by the Celery worker when Redis is there,
by a thread in the web process otherwise (`runner`). Each row is claimed by one atomic UPDATE before it is
sent, so parallel deliverers never send it twice; only a deliverer killed in the middle of the SMTP
conversation leaves a claim that is taken again once stale, and then the resent copy keeps its Message-ID.
"""

import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import UNDELIVERABLE, EmailStatus, OutgoingEmail
from .signals import email_sent

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EmailDraft:
    """One e-mail to queue: `key` names it, so queuing the same key again sends nothing more."""

    to: str | list[str]
    subject: str
    body: str
    key: str
    reply_to: str = ""

    @property
    def recipients(self) -> list[str]:
        return [self.to] if isinstance(self.to, str) else [address for address in self.to if address]


def emails_queue(drafts: list[EmailDraft]) -> None:
    """Store e-mails to send once the current transaction commits, in one INSERT, handed over in one message.

    A key that is already queued keeps its first row; handing that row over again is harmless, because a row
    is only ever sent by whoever claims it while it is due.
    """
    if not drafts:
        return
    now = timezone.now()
    rows = [OutgoingEmail(key=draft.key, recipients=draft.recipients, subject=" ".join(draft.subject.split())[:998],
                          body=draft.body, reply_to=draft.reply_to, next_attempt_at=now) for draft in drafts]
    # "Update" the key to itself on a conflict: the existing row stays as it was, and every row gets its id.
    OutgoingEmail.objects.bulk_create(rows, update_conflicts=True, unique_fields=["key"], update_fields=["key"])
    email_ids = [row.pk for row in rows]
    transaction.on_commit(lambda: outbox_dispatch(*email_ids))


def email_queue(*, to: str | list[str], subject: str, body: str, key: str, reply_to: str = "") -> None:
    """Store one e-mail to send once the current transaction commits; the same `key` is only ever sent once."""
    emails_queue([EmailDraft(to=to, subject=subject, body=body, key=key, reply_to=reply_to)])


def email_render(*, to: str | list[str], template: str, context: dict, language: str, key: str,
                 reply_to: str = "") -> EmailDraft:
    """Render `<template>_subject.txt` and `<template>.txt` in `language`."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return EmailDraft(to=to, subject=subject, body=body, key=key, reply_to=reply_to)


def email_queue_rendered(*, to: str | list[str], template: str, context: dict, language: str, key: str,
                         reply_to: str = "") -> None:
    """Render one e-mail in `language` (see email_render), then queue it."""
    emails_queue([email_render(to=to, template=template, context=context, language=language, key=key,
                               reply_to=reply_to)])


def outbox_dispatch(*email_ids: int) -> None:
    """Hand committed rows to whoever delivers; never fails the caller (the sweep delivers them later)."""
    if settings.OUTBOX_RUNNER != "celery":
        from . import runner

        runner.wake()
        return
    from core.broker import task_publish

    from .tasks import outbox_deliver_task

    # Short socket timeouts and a circuit breaker: a stopped or frozen Redis costs a request nothing.
    task_publish(outbox_deliver_task, args=list(email_ids))


def _claimable(now) -> Q:
    stale = now - timedelta(seconds=settings.OUTBOX_STALE_SECONDS)
    return (Q(status=EmailStatus.PENDING, next_attempt_at__lte=now)
            | Q(status=EmailStatus.SENDING, sending_since__lt=stale))


def outbox_deliver(*, email_id: int) -> str:
    """Send one due e-mail if nobody else is sending it; returns the row's status afterwards."""
    now = timezone.now()
    claimed = OutgoingEmail.objects.filter(_claimable(now), pk=email_id).update(
        status=EmailStatus.SENDING, sending_since=now, attempts=F("attempts") + 1)
    if not claimed:
        return "skipped"
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        _send(email)
    except Exception as error:  # SMTP, socket, DNS: each is judged in _failure_status
        return _record_failure(email, error)
    sent_at = timezone.now()
    OutgoingEmail.objects.filter(pk=email_id).update(status=EmailStatus.SENT, sent_at=sent_at, sending_since=None,
                                                     last_error="")
    email_sent.send(sender=OutgoingEmail, key=email.key, sent_at=sent_at)
    return EmailStatus.SENT


def outbox_deliver_due(*, limit: int = 500) -> int:
    """Send every e-mail that is due (new, waiting for a retry, or abandoned by a killed deliverer)."""
    due = OutgoingEmail.objects.filter(_claimable(timezone.now())).order_by("next_attempt_at")
    return sum(outbox_deliver(email_id=email_id) == EmailStatus.SENT
               for email_id in due.values_list("pk", flat=True)[:limit])


def outbox_retry(*, emails) -> int:
    """Staff send undeliverable e-mails again (after fixing an address or the mail server)."""
    return OutgoingEmail.objects.filter(pk__in=[email.pk for email in emails], status__in=UNDELIVERABLE) \
        .update(status=EmailStatus.PENDING, attempts=0, next_attempt_at=timezone.now())



def _message_id(email: OutgoingEmail) -> str:
    """Stable per row, so a copy resent after a crash is recognisably the same message."""
    domain = urlsplit(settings.BASE_URL).hostname or "localhost"
    return f"<outbox-{email.pk}-{int(email.created_at.timestamp())}@{domain}>"


def _send(email: OutgoingEmail) -> None:
    message = EmailMessage(email.subject, email.body, None, email.recipients,
                           reply_to=[email.reply_to] if email.reply_to else None,
                           headers={"Message-ID": _message_id(email)})
    message.send(fail_silently=False)


def _failure_status(error: Exception, attempts: int) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused) and all(
            code >= 500 for code, _text in error.recipients.values()):
        return EmailStatus.REFUSED  # a permanent "no such mailbox": retrying only repeats the refusal
    if attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        return EmailStatus.FAILED
    return EmailStatus.PENDING


def _record_failure(email: OutgoingEmail, error: Exception) -> str:
    status = _failure_status(error, email.attempts)
    delay = min(settings.OUTBOX_RETRY_SECONDS * 2 ** (email.attempts - 1), settings.OUTBOX_RETRY_MAX_SECONDS)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=status, sending_since=None, last_error=f"{type(error).__name__}: {error}"[:2000],
        next_attempt_at=timezone.now() + timedelta(seconds=delay))
    log = logger.error if status != EmailStatus.PENDING else logger.warning
    log("E-mail %s (%s) not sent, attempt %s: %s -> %s", email.pk, email.key, email.attempts, error, status)
    return status
