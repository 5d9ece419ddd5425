"""The hourly jobs: forget unconfirmed sign-ups, free unanswered places, re-ask before a season, ask for
feedback after a meeting, and delete contact data after a campaign. Each step is safe to run twice."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import CompanyRequest, Proposal
from .services import _mail, _release
from .tokens import token_url
from .vocabulary import ProposalStatus, Status

CONTACT_FIELDS = {"email": "", "phone": "", "helper_name": "", "helper_contact": "", "message": ""}


def requests_unconfirmed_delete(*, now) -> int:
    """Unconfirmed e-mail sign-ups vanish after 48 hours; phone-only ones wait for partner staff."""
    cutoff = now - timedelta(hours=settings.MATCHING_CONFIRM_HOURS)
    stale = CompanyRequest.objects.filter(status=Status.UNCONFIRMED, created_at__lt=cutoff).exclude(email="")
    return stale.delete()[1].get("matching.CompanyRequest", 0)


def proposals_expire(*, now) -> int:
    expired = 0
    for proposal in Proposal.objects.filter(status=ProposalStatus.SENT, answer_by__lt=now):
        with transaction.atomic():
            locked = Proposal.objects.select_for_update().filter(pk=proposal.pk, status=ProposalStatus.SENT).first()
            if locked:
                _release(locked, ProposalStatus.EXPIRED)
                expired += 1
    return expired


def _recheck_mail(request: CompanyRequest, *, reminder: bool) -> None:
    _mail(to=request.email, template="recheck", language=request.language,
          key=f"matching-recheck-{request.pk}-{int(request.confirmed_at.timestamp())}-{int(reminder)}",
          context={"request": request, "campaign": request.campaign, "reminder": reminder,
                   "url": token_url(action="recheck", language=request.language, request=request.pk)})


def requests_recheck(*, now) -> dict[str, int]:
    """Shortly before a season, people who signed up weeks ago say whether they still want company."""
    soon = (now + timedelta(days=settings.MATCHING_RECHECK_BEFORE_DAYS)).date()
    waiting = CompanyRequest.objects.filter(status=Status.WAITING, campaign__starts_on__lte=soon,
                                            campaign__starts_on__gte=now.date()).exclude(email="")
    old = now - timedelta(days=settings.MATCHING_RECHECK_AGE_DAYS)
    counts = {"asked": 0, "reminded": 0, "withdrawn": 0}
    for request in waiting.filter(recheck_asked_at__isnull=True, confirmed_at__lt=old).select_related("campaign"):
        with transaction.atomic():
            request.recheck_asked_at = now
            request.save(update_fields=["recheck_asked_at"])
            _recheck_mail(request, reminder=False)
        counts["asked"] += 1
    remind = waiting.filter(recheck_asked_at__lt=now - timedelta(days=7), recheck_reminded_at__isnull=True)
    for request in remind.select_related("campaign"):
        with transaction.atomic():
            request.recheck_reminded_at = now
            request.save(update_fields=["recheck_reminded_at"])
            _recheck_mail(request, reminder=True)
        counts["reminded"] += 1
    counts["withdrawn"] = waiting.filter(recheck_asked_at__lt=now - timedelta(days=14)).update(
        status=Status.WITHDRAWN)
    return counts


def proposals_ask_feedback(*, now) -> int:
    """After the date (the last shared fixed date, or a week after the match), one question to each side."""
    asked = 0
    due = Proposal.objects.filter(status=ProposalStatus.MATCHED, feedback_asked_at__isnull=True)
    for proposal in due.select_related("seeker", "host"):
        if meeting_date(proposal) >= now.date():
            continue
        with transaction.atomic():
            proposal.feedback_asked_at = now
            proposal.save(update_fields=["feedback_asked_at"])
            for side, me in (("seeker", proposal.seeker), ("host", proposal.host)):
                if me.email:
                    _mail(to=me.email, template="feedback", language=me.language,
                          key=f"matching-feedback-{proposal.pk}-{side}",
                          context={"me": me, "url": token_url(action="feedback", language=me.language,
                                                               proposal=proposal.pk, side=side)})
        asked += 1
    return asked


def meeting_date(proposal: Proposal):
    shared = [value for code, value in proposal.reasons if code == "slots"]
    dates = [code[:10] for code in (shared[0] if shared else []) if code[:4].isdigit()]
    if dates:
        from datetime import date

        return max(date.fromisoformat(day) for day in dates)
    return (proposal.matched_at + timedelta(days=7)).date()


def contact_data_delete(*, now) -> int:
    """A set time after a campaign ends, nobody keeps the contact data any more: not even the partner."""
    cutoff = (now - timedelta(days=settings.MATCHING_CONTACT_KEEP_DAYS)).date()
    old = CompanyRequest.objects.filter(campaign__ends_on__lt=cutoff, contact_deleted_at__isnull=True)
    return old.update(contact_deleted_at=now, **CONTACT_FIELDS)


def matching_housekeeping(*, now=None) -> dict[str, int]:
    now = now or timezone.now()
    return {
        "unconfirmed_deleted": requests_unconfirmed_delete(now=now),
        "proposals_expired": proposals_expire(now=now),
        **requests_recheck(now=now),
        "feedback_asked": proposals_ask_feedback(now=now),
        "contacts_deleted": contact_data_delete(now=now),
    }
