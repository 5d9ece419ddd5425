"""Writing tips: submit, route, notify (exactly once), sweep, moderate."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from appeals.models import AppealPage
from pagecache.services import page_cache_invalidate

from .models import Tip, TipStatus
from .selectors import appeal_source, partner_for_offer, partner_for_page

logger = logging.getLogger(__name__)


def tip_enqueue(*, tip_id: int, email: str) -> bool:
    """Queue an e-mail without ever failing the caller: the row stays, and the sweeper queues it later."""
    from .tasks import tip_email_task

    try:
        tip_email_task.apply_async(args=[tip_id, email], retry=False)
    except Exception:  # the broker is down or unreachable: any error of kombu/redis
        logger.warning("Could not queue %s e-mail for tip %s; the sweeper will retry", email, tip_id, exc_info=True)
        return False
    return True


def _queue_emails(tip: Tip) -> None:
    tip_enqueue(tip_id=tip.pk, email="notify")
    if tip.email:
        tip_enqueue(tip_id=tip.pk, email="acknowledge")


@transaction.atomic
def tip_submit(*, appeal: AppealPage | None, data: dict, language: str) -> Tip:
    """Store a valid tip and queue its e-mails once the row is committed (a rollback sends nothing)."""
    town, latitude, longitude = data.get("place") or ("", None, None)
    tip = Tip(
        appeal=appeal_source(appeal=appeal) if appeal else None,
        kind=data["kind"], message=data["message"], employer=data.get("employer", ""),
        town=town, latitude=latitude, longitude=longitude,
        name=data.get("name", ""), email=data.get("email", ""), phone=data.get("phone", ""),
        consent=bool(data.get("consent")), language=language, channel=data.get("via", ""),
    )
    if appeal is not None:
        tip.partner = partner_for_page(page=appeal)
    elif tip.has_position:
        tip.partner = partner_for_offer(latitude=latitude, longitude=longitude)
    tip.save()
    transaction.on_commit(lambda: _queue_emails(tip))
    return tip


def _send_once(*, tip_id: int, field: str, send) -> bool:
    """Send at most once: the row lock makes a second copy of the task wait, then see the mark and stop.

    If sending fails, the transaction rolls back, the mark is not set and the task's retry sends again.
    """
    with transaction.atomic():
        tip = Tip.objects.select_for_update(of=("self",)).select_related("appeal", "partner").filter(pk=tip_id).first()
        if tip is None or getattr(tip, field) is not None:
            return False
        send(tip)
        Tip.objects.filter(pk=tip_id).update(**{field: timezone.now()})
    return True


def _notify(tip: Tip) -> None:
    partner = tip.partner
    recipient = partner.notification_email if partner else ""
    if not recipient:
        recipient = settings.TIPS_STAFF_EMAIL
    if not recipient:
        return
    language = partner.notification_language if partner else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"tip": tip, "partner": partner, "admin_url": f"{settings.BASE_URL}/admin/snippets/tips/tip/"}
        subject = render_to_string("tips/email/notify_subject.txt", context).strip()
        send_mail(subject, render_to_string("tips/email/notify.txt", context), None, [recipient])


def _acknowledge(tip: Tip) -> None:
    if not tip.email:
        return
    with translation.override(tip.language):
        context = {"tip": tip}
        subject = render_to_string("tips/email/acknowledge_subject.txt", context).strip()
        send_mail(subject, render_to_string("tips/email/acknowledge.txt", context), None, [tip.email])


def tip_notify(*, tip_id: int) -> bool:
    """E-mail the responsible partner (or staff when no partner is responsible) about a new tip."""
    return _send_once(tip_id=tip_id, field="notification_sent_at", send=_notify)


def tip_acknowledge(*, tip_id: int) -> bool:
    """Thank the tipster by e-mail, in the language they wrote in."""
    return _send_once(tip_id=tip_id, field="acknowledgement_sent_at", send=_acknowledge)


def tip_sweep(*, older_than: timedelta = timedelta(minutes=1)) -> int:
    """Queue again every e-mail that was never sent (the broker was down, a worker died)."""
    cutoff = timezone.now() - older_than
    pending = Tip.objects.filter(created_at__lt=cutoff).exclude(status=TipStatus.SPAM)
    queued = 0
    for tip_id in pending.filter(notification_sent_at__isnull=True).values_list("pk", flat=True)[:1000]:
        queued += tip_enqueue(tip_id=tip_id, email="notify")
    acks = pending.filter(acknowledgement_sent_at__isnull=True).exclude(email="")
    for tip_id in acks.values_list("pk", flat=True)[:1000]:
        queued += tip_enqueue(tip_id=tip_id, email="acknowledge")
    return queued


def tips_set_status(*, tips, status: str) -> int:
    """Bulk status change. Marking spam also unpublishes."""
    changes = {"status": status}
    if status == TipStatus.SPAM:
        changes["published"] = False
    changed = Tip.objects.filter(pk__in=[tip.pk for tip in tips]).update(**changes)
    page_cache_invalidate()  # the home page's figures and the tips quoted on appeals
    return changed


def tips_publish(*, tips, published: bool = True) -> int:
    """Publish the anonymised version. A tip without a moderator's public text is skipped, never published
    with its raw message: that may name people or carry a phone number."""
    count = 0
    for tip in tips:
        if published and (tip.status == TipStatus.SPAM or not tip.public_text.strip()):
            continue
        tip.published = published
        tip.save(update_fields=["published", "public_text"])
        count += 1
    return count
