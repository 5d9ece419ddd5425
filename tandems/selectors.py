"""Reading tandems: the filtered index, one tandem's appeals and timeline, the outcome figures."""

from django.db.models import Q, QuerySet
from django.utils.translation import get_language
from wagtail.models import Locale

from appeals.models import AppealPage
from localization.selectors import tags_in_language, tags_matching

from .models import TandemPage, TandemStatus, TandemStatusChange

# Steps that count as an outcome on the home page: something the campaign achieved.
OUTCOME_STATUSES = [TandemStatus.INTERNSHIP, TandemStatus.APPRENTICESHIP, TandemStatus.JOB_FOUND]


def tandem_live_list() -> QuerySet[TandemPage]:
    return TandemPage.objects.live().public().filter(locale=Locale.get_active())


def tandem_filtered_list(*, town: str = "", status: str = "", tag: str = "") -> QuerySet[TandemPage]:
    """The tandems an index visitor asked for; a tag matches languages, skills or sought occupations."""
    tandems = tandem_live_list()
    if town:
        tandems = tandems.filter(town__iexact=town)
    if status:
        tandems = tandems.filter(status=status)
    if tag:
        tags = tags_matching(slug=tag, language_code=get_language())
        tandems = tandems.filter(
            Q(language_items__tag__in=tags) | Q(skill_items__tag__in=tags) | Q(occupation_items__tag__in=tags)
        )
    return tandems.select_related("locale", "portrait").prefetch_related("portrait__renditions").order_by(
        "title").distinct()


def tandem_town_choices() -> list[str]:
    return sorted(set(tandem_live_list().exclude(town="").values_list("town", flat=True)))


def tandem_outcome_count() -> int:
    """Outcomes reached by live tandems: internships, apprenticeships, jobs; each once, in any language."""
    return TandemStatusChange.objects.filter(
        tandem__in=TandemPage.objects.live().public(), status__in=OUTCOME_STATUSES
    ).values("translation_key").distinct().count()


def tandem_profile(*, tandem: TandemPage) -> dict:
    """What a tandem page shows besides its own fields: its tags, outcomes timeline and open appeals."""
    tags = tags_in_language(language_code=get_language(), languages=tandem.languages.all(),
                            skills=tandem.skills.all(), sought_occupations=tandem.sought_occupations.all())
    return {
        **tags,
        "timeline": list(tandem.status_changes.order_by("date", "sort_order")),
        "tandem_appeals": list(
            AppealPage.objects.child_of(tandem).live().public().select_related("locale", "image")
            .prefetch_related("image__renditions").order_by("-open_from")
        ),
    }
