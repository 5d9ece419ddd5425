"""Reading the reach figures: visits, tips and outcomes per appeal, channel and week, scoped to the viewer.

Staff see the whole campaign; a partner's editors and moderators see their own section only (the same rule as
the tips admin). An outcome counts where the tip its partner marked as the cause counts: under that tip's
appeal, channel and week, so a job found through a WhatsApp share shows under WhatsApp.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone
from wagtail.models import Locale, Page

from appeals.models import AppealPage
from partners.models import PartnerPage
from tips.models import Tip, TipStatus
from tips.selectors import partners_of_user, tips_visible_to

from .models import VisitDay


def statistics_allowed(*, user) -> bool:
    return user.is_active and (user.is_superuser or partners_of_user(user=user).exists())


def pages_visible_to(*, user) -> QuerySet[Page]:
    """Staff: every page. Partner people: their partners' pages (in every language) and everything below."""
    if user.is_superuser:
        return Page.objects.all()
    keys = partners_of_user(user=user).values("translation_key")
    paths = PartnerPage.objects.filter(translation_key__in=keys).values_list("path", flat=True)
    within = Q(pk__in=[])
    for path in paths:
        within |= Q(path__startswith=path)
    return Page.objects.filter(within)


@dataclass
class Figures:
    visits: int = 0
    tips: int = 0
    outcomes: int = 0


@dataclass
class Statistics:
    since: datetime.date
    appeals: list[tuple[AppealPage, Figures]] = field(default_factory=list)
    channels: list[tuple[str, Figures]] = field(default_factory=list)
    weeks: list[tuple[datetime.date, Figures]] = field(default_factory=list)


def _tips(*, user, since: datetime.date) -> QuerySet[Tip]:
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    return tips_visible_to(user=user).exclude(status=TipStatus.SPAM).filter(created_at__gte=start)


def _merge(rows: dict, counts: dict, name: str, key=lambda value: value) -> None:
    for row_key, value in counts.items():
        setattr(rows.setdefault(key(row_key), Figures()), name, value or 0)


def _counted(tips: QuerySet[Tip], by: str) -> tuple[dict, dict]:
    """Tips and the outcomes they caused, grouped by `by` (`Tip.outcome_key` is set from the tip's desk)."""
    tip_counts = dict(tips.values_list(by).annotate(n=Count("pk", distinct=True)).order_by())
    outcomes = dict(tips.filter(outcome_key__isnull=False).values_list(by)
                    .annotate(n=Count("outcome_key", distinct=True)).order_by())
    return tip_counts, outcomes


def _per_appeal(*, user, visits, tips) -> list[tuple[AppealPage, Figures]]:
    # Every translation of an appeal counts towards it; tips belong to the default-language page already.
    appeals = {appeal.translation_key: appeal for appeal in AppealPage.objects.filter(
        pk__in=pages_visible_to(user=user).values("pk"), locale=Locale.get_default())}
    rows: dict = {}
    _merge(rows, dict(visits.filter(page__translation_key__in=appeals).values_list("page__translation_key")
                      .annotate(n=Sum("count")).order_by()), "visits")
    tip_counts, outcomes = _counted(tips.filter(appeal__isnull=False), "appeal__translation_key")
    _merge(rows, tip_counts, "tips")
    _merge(rows, outcomes, "outcomes")
    return sorted(((appeals[key], figures) for key, figures in rows.items() if key in appeals),
                  key=lambda row: (-row[1].tips, -row[1].visits, row[0].title))


def _per_channel(*, visits, tips) -> list[tuple[str, Figures]]:
    rows: dict = {}
    _merge(rows, dict(visits.values_list("channel").annotate(n=Sum("count")).order_by()), "visits")
    tip_counts, outcomes = _counted(tips, "channel")
    _merge(rows, tip_counts, "tips")
    _merge(rows, outcomes, "outcomes")
    return sorted(rows.items(), key=lambda row: (-row[1].tips, -row[1].visits, row[0]))


def _per_week(*, visits, tips, since: datetime.date) -> list[tuple[datetime.date, Figures]]:
    rows: dict = {}
    _merge(rows, dict(visits.annotate(week=TruncWeek("day")).values_list("week").annotate(n=Sum("count"))
                      .order_by()), "visits")
    tip_counts, outcomes = _counted(tips.annotate(week=TruncWeek("created_at")), "week")
    _merge(rows, tip_counts, "tips", key=_as_date)
    _merge(rows, outcomes, "outcomes", key=_as_date)
    week = since - datetime.timedelta(days=since.weekday())
    while week <= timezone.localdate():  # weeks without a visit or tip show as empty bars, not as gaps
        rows.setdefault(week, Figures())
        week += datetime.timedelta(days=7)
    return sorted(rows.items())


def statistics_for(*, user, since: datetime.date) -> Statistics:
    """Every figure of the statistics screen for `user` from `since` until today."""
    visits = VisitDay.objects.filter(page__in=pages_visible_to(user=user).values("pk"), day__gte=since)
    tips = _tips(user=user, since=since)
    return Statistics(
        since=since,
        appeals=_per_appeal(user=user, visits=visits, tips=tips),
        channels=_per_channel(visits=visits, tips=tips),
        weeks=_per_week(visits=visits, tips=tips, since=since),
    )


def _as_date(value) -> datetime.date:
    return timezone.localtime(value).date() if isinstance(value, datetime.datetime) else value


def tips_export_rows(*, user, since: datetime.date) -> QuerySet[Tip]:
    """The tips list for export: only tips the user may see (their contact data included, as in the admin)."""
    return _tips(user=user, since=since).select_related("appeal", "partner").order_by("created_at")
