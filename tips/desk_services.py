"""Working on a tip from its reading view: assign, note, status, reply, forward, outcome.

Every step leaves a line in the tip's history (`TipEvent`), so colleagues see who did what and when.
E-mails go through the shared outbox inside the same transaction: they leave only if the step is saved.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from appeals.services import appeal_close
from outbox.services import email_queue_rendered
from tandems.models import TandemStatus
from tandems.services import tandem_outcome_record

from .desk_selectors import partners_with_digest, tip_assignees, tip_tandem, tips_waiting_for_partner
from .models import Tip, TipEvent, TipEventKind, TipStatus

# "Job found" or "met" meets any appeal; an internship or apprenticeship meets an appeal asking for one.
CLOSING_OUTCOMES = {"job_found", "met"}


def tip_event_log(*, tip: Tip, user, kind: str, text: str = "") -> TipEvent:
    return TipEvent.objects.create(tip=tip, user=user, kind=kind, text=text)


def _take_on(tip: Tip, status: str = TipStatus.IN_REVIEW) -> None:
    """Working on a new tip moves it out of "new", so the inbox shows only what nobody has touched."""
    if tip.status == TipStatus.NEW:
        tip.status = status
        tip.save(update_fields=["status"])


@transaction.atomic
def tip_assign(*, tip: Tip, user, assignee) -> None:
    if assignee is not None and not tip_assignees(tip=tip).filter(pk=assignee.pk).exists():
        raise PermissionDenied
    tip.assigned_to = assignee
    tip.save(update_fields=["assigned_to"])
    _take_on(tip)
    name = (assignee.get_full_name() or assignee.get_username()) if assignee else _("nobody")
    tip_event_log(tip=tip, user=user, kind=TipEventKind.ASSIGNED, text=name)


def tip_note_add(*, tip: Tip, user, text: str) -> TipEvent:
    return tip_event_log(tip=tip, user=user, kind=TipEventKind.NOTE, text=text.strip())


@transaction.atomic
def tip_status_change(*, tip: Tip, user, status: str) -> None:
    tip.status = status
    fields = ["status"]
    if status == TipStatus.SPAM and tip.published:
        tip.published = False
        fields.append("published")
    tip.save(update_fields=fields)
    tip_event_log(tip=tip, user=user, kind=TipEventKind.STATUS, text=tip.get_status_display())


def _reply_to(tip: Tip) -> str:
    partner = tip.partner
    return (partner.public_email or partner.notification_email) if partner else ""


@transaction.atomic
def tip_reply(*, tip: Tip, user, text: str) -> TipEvent:
    """Answer the tipster in the language they wrote in; their answer goes to the partner's address."""
    if not (tip.email and tip.consent):
        raise ValidationError(_("The tipster left no e-mail address or did not agree to be contacted."))
    event = tip_event_log(tip=tip, user=user, kind=TipEventKind.REPLY, text=text.strip())
    email_queue_rendered(
        to=tip.email, template="tips/email/reply", language=tip.language, key=f"tip-reply-{event.pk}",
        context={"tip": tip, "partner": tip.partner, "text": event.text}, reply_to=_reply_to(tip),
    )
    _take_on(tip)
    return event


@transaction.atomic
def tip_forward(*, tip: Tip, user, text: str = "") -> TipEvent:
    """Send the tip to the tandem's mentor, who can act on it with the refugee."""
    tandem = tip_tandem(tip=tip)
    if tandem is None or not tandem.mentor_email:
        raise ValidationError(_("This tip's tandem has no mentor e-mail address yet (tandem page, status tab)."))
    event = tip_event_log(tip=tip, user=user, kind=TipEventKind.FORWARD, text=text.strip())
    language = tip.partner.notification_language if tip.partner else tip.language
    email_queue_rendered(
        to=tandem.mentor_email, template="tips/email/forward", language=language, key=f"tip-forward-{event.pk}",
        context={"tip": tip, "tandem": tandem, "text": event.text}, reply_to=_reply_to(tip),
    )
    tip.status = TipStatus.FORWARDED
    tip.save(update_fields=["status"])
    return event


@transaction.atomic
def tip_outcome_record(*, tip: Tip, user, status: str, on: date, note: str = "") -> bool:
    """Record the outcome this tip led to on its tandem; one that meets the ask closes the appeal in every
    language. Returns whether the appeal was closed."""
    tandem = tip_tandem(tip=tip)
    if tandem is not None:
        tip.outcome_key = tandem_outcome_record(tandem=tandem, status=status, on=on, note=note, user=user)
    tip.status = TipStatus.USEFUL
    tip.save(update_fields=["outcome_key", "status"])
    closes = tip.appeal is not None and (status in CLOSING_OUTCOMES or status == tip.appeal.category)
    if closes:
        appeal_close(appeal=tip.appeal, reason=status, on=on)
    label = dict(TandemStatus.choices).get(status) or _("the appeal is met")
    tip_event_log(tip=tip, user=user, kind=TipEventKind.OUTCOME, text=f"{label}: {note}" if note else label)
    return closes


def _reading_url(tip: Tip) -> str:
    return settings.BASE_URL + reverse("wagtailsnippets_tips_tip:inspect", args=[tip.pk])


def tips_digest_send() -> int:
    """Once a day, each partner who asked for it gets the list of its waiting tips (nothing when none wait).

    The key holds the date, so a second run on the same day (beat restarted) sends nothing twice.
    """
    sent, today = 0, timezone.localdate()
    for partner in partners_with_digest():
        tips = list(tips_waiting_for_partner(partner=partner)[:50])
        if not tips:
            continue
        with transaction.atomic():
            email_queue_rendered(
                to=partner.notification_email, template="tips/email/digest", language=partner.notification_language,
                context={"partner": partner, "tips": [(tip, _reading_url(tip)) for tip in tips]},
                key=f"tips-digest-{partner.pk}-{today.isoformat()}",
            )
        sent += 1
    return sent
