"""Reading for the partner's desk: who a tip can be assigned to, its tandem and outcome, the inbox counts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from appeals.models import AppealPage
from partners.models import PartnerPage
from tandems.models import TandemPage, TandemStatusChange

from .models import Tip, TipEvent, TipEventKind, TipStatus
from .selectors import partners_of_user, tips_visible_to


def tip_assignees(*, tip: Tip) -> QuerySet:
    """The people a tip may be handed to: its partner's editors and moderators, and staff."""
    groups = Q()
    if tip.partner_id:
        groups = Q(groups=tip.partner.editors_group_id) | Q(groups=tip.partner.moderators_group_id)
    users = get_user_model().objects.filter(is_active=True).filter(groups | Q(is_superuser=True))
    return users.distinct().order_by("first_name", "last_name", "username")


def tip_tandem(*, tip: Tip) -> TandemPage | None:
    """The tandem whose appeal the tip answers (appeals may also sit directly under a partner)."""
    if tip.appeal is None:
        return None
    return TandemPage.objects.filter(pk=tip.appeal.get_parent().pk).first()


def tip_outcome(*, tip: Tip) -> TandemStatusChange | None:
    if tip.outcome_key is None:
        return None
    outcomes = TandemStatusChange.objects.filter(translation_key=tip.outcome_key)
    return outcomes.filter(locale_id=tip.appeal.locale_id).first() if tip.appeal else outcomes.first()


def tip_history(*, tip: Tip, user) -> QuerySet[TipEvent]:
    """The tip's history; who opened the contact data is for staff's eyes (it is an audit, not a worklog)."""
    events = tip.events.select_related("user")
    return events if user.is_superuser else events.exclude(kind=TipEventKind.CONTACT_VIEWED)


def tip_appeal_choices(*, user) -> QuerySet[AppealPage]:
    """Appeals that have tips the user may see: a filter never names another partner's appeals or drafts."""
    visible = tips_visible_to(user=user).exclude(appeal=None).values("appeal")
    return AppealPage.objects.filter(pk__in=visible).order_by("title")


DONE = [TipStatus.USEFUL, TipStatus.NOT_USEFUL, TipStatus.SPAM]


def tips_waiting_for_partner(*, partner) -> QuerySet[Tip]:
    """A partner's tips that are new or that nobody has taken on, oldest first (the digest's list)."""
    tips = Tip.objects.filter(partner=partner).exclude(status__in=DONE)
    return tips.filter(Q(status=TipStatus.NEW) | Q(assigned_to=None)).select_related("appeal").order_by("created_at")


def partners_with_digest() -> QuerySet[PartnerPage]:
    return PartnerPage.objects.filter(tips_digest=True, locale__language_code=settings.LANGUAGE_CODE).exclude(
        notification_email="")


def tips_waiting(*, user) -> dict:
    """The dashboard's inbox: new tips, and tips nobody has taken on yet (spam aside)."""
    tips = tips_visible_to(user=user).exclude(status=TipStatus.SPAM)
    unassigned = tips.filter(assigned_to=None).exclude(status__in=[TipStatus.USEFUL, TipStatus.NOT_USEFUL])
    return {
        "new": tips.filter(status=TipStatus.NEW)[:10],
        "new_count": tips.filter(status=TipStatus.NEW).count(),
        "unassigned_count": unassigned.count(),
        "mine_count": tips.filter(assigned_to=user).exclude(
            status__in=[TipStatus.USEFUL, TipStatus.NOT_USEFUL]).count(),
    }


def user_is_tip_worker(*, user) -> bool:
    return user.is_active and (user.is_superuser or partners_of_user(user=user).exists())
