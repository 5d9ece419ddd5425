"""Writing tips: submit, route, queue their e-mails (through the outbox), moderate."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from appeals.models import AppealPage
from outbox.services import email_render, emails_queue
from pagecache.services import page_cache_invalidate

from .models import Tip, TipStatus
from .selectors import page_source, partner_for_offer, partner_for_page, tip_notification_recipients

logger = logging.getLogger(__name__)


def _queue_emails(tip: Tip) -> None:
    """Queue the partner's notification and the tipster's thanks in the tip's own transaction."""
    recipients = tip_notification_recipients(tip=tip)
    partner = tip.partner
    drafts = []
    if recipients:
        context = {"tip": tip, "partner": partner,
                   "admin_url": settings.BASE_URL + reverse("wagtailsnippets_tips_tip:inspect", args=[tip.pk])}
        drafts.append(email_render(to=recipients, template="tips/email/notify", context=context,
                                   language=partner.notification_language if partner else settings.LANGUAGE_CODE,
                                   key=f"tip-{tip.pk}-notify"))
    else:
        logger.error("Tip %s reached nobody: no partner address, no TIPS_STAFF_EMAIL, no staff e-mail", tip.pk)
    if tip.email:
        drafts.append(email_render(to=tip.email, template="tips/email/acknowledge",
                                   context={"tip": tip, "passed_on": bool(recipients)}, language=tip.language,
                                   key=f"tip-{tip.pk}-acknowledge"))
    emails_queue(drafts)


def _tip_from_form(*, appeal: AppealPage | None, data: dict, language: str) -> Tip:
    place = data.get("place")
    latitude, longitude = (place.latitude, place.longitude) if place else (None, None)
    tip = Tip(
        appeal=page_source(page=appeal) if appeal else None,
        kind=data["kind"], message=data["message"], employer=data.get("employer", ""),
        town=place.town if place else "", place_typed=place.typed if place else "",
        latitude=latitude, longitude=longitude,
        name=data.get("name", ""), email=data.get("email", ""), phone=data.get("phone", ""),
        consent=bool(data.get("consent")), language=language, channel=data.get("via", ""),
        submission=data.get("submission") or None,
    )
    if appeal is not None:
        tip.partner = partner_for_page(page=appeal)
    elif tip.has_position:
        tip.partner = partner_for_offer(latitude=latitude, longitude=longitude)
    return tip


def tip_submit(*, appeal: AppealPage | None, data: dict, language: str) -> Tip:
    """Store a valid tip with its e-mails in one transaction: they go out after commit, a rollback sends nothing.

    A form sent again with the same submission token gives back the tip it stored the first time: the unique
    submission column says so (no look-up before every insert), and the transaction then stored nothing.
    """
    tip = _tip_from_form(appeal=appeal, data=data, language=language)
    try:
        with transaction.atomic():
            tip.save()
            _queue_emails(tip)
    except IntegrityError:
        stored = Tip.objects.filter(submission=tip.submission).first() if tip.submission else None
        if stored is None:
            raise
        return stored
    return tip


def tip_saved(*, tip: Tip, created: bool) -> None:
    """A new tip waits for moderation (no page shows it); an edited or published one may be quoted on an appeal."""
    if tip.published or not created:
        page_cache_invalidate()


SENT_FIELDS = {"notify": "notification_sent_at", "acknowledge": "acknowledgement_sent_at"}


def tip_mark_sent(*, key: str, sent_at) -> None:
    """The outbox delivered one of a tip's e-mails: note when, on the tip (keys are `tip-<id>-<kind>`)."""
    prefix, _sep, rest = key.partition("-")
    tip_id, _sep, kind = rest.partition("-")
    if prefix == "tip" and kind in SENT_FIELDS and tip_id.isdigit():
        Tip.objects.filter(pk=int(tip_id)).update(**{SENT_FIELDS[kind]: sent_at})


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
