"""Reading appeals: one appeal's surroundings, the filtered index, and the live figures."""

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from core.pages import pages_live_public
from localization.selectors import tags_in_language, tags_matching
from pagecache.selectors import generation_memo
from tandems.models import TandemPage

from .models import AppealIndexPage, AppealPage


def _open_today(appeals: QuerySet[AppealPage]) -> QuerySet[AppealPage]:
    today = timezone.localdate()
    open_today = Q(closed_on__isnull=True, open_from__lte=today) & (
        Q(open_until__isnull=True) | Q(open_until__gte=today))
    return appeals.filter(open_today)


def appeal_open_list(*, locale: Locale | None = None) -> QuerySet[AppealPage]:
    """Live, public appeals of one language that are open today."""
    return _open_today(pages_live_public(AppealPage.objects).filter(locale=locale or Locale.get_active()))


def appeal_open_count() -> int:
    """The campaign's open appeals, each counted once in whichever languages it is published.

    The figure must read the same on every language's home page, however much of it is translated yet.
    """
    return _open_today(pages_live_public(AppealPage.objects)).values("translation_key").distinct().count()


def appeal_filtered_list(*, town: str = "", category: str = "", tag: str = "") -> QuerySet[AppealPage]:
    """The open appeals an index visitor asked for; empty arguments do not filter."""
    appeals = appeal_open_list()
    if town:
        appeals = appeals.filter(town__iexact=town)
    if category:
        appeals = appeals.filter(category=category)
    if tag:
        appeals = appeals.filter(tags__in=tags_matching(slug=tag, language_code=get_language()))
    return appeals.select_related("locale", "image").prefetch_related("image__renditions").order_by(
        "-open_from", "title").distinct()


def appeal_default_language_extra() -> dict | None:
    """On pages in another language: how many open appeals exist only in the default language so far, and
    where to read them, so an English or Arabic visitor learns there is more than what is translated."""
    if get_supported_content_language_variant(get_language()) == settings.LANGUAGE_CODE:
        return None  # no query on the pages most visitors read
    active = Locale.get_active()
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    translated = AppealPage.objects.live().filter(locale=active).values("translation_key")
    count = appeal_open_list(locale=default).exclude(translation_key__in=translated).count()
    if not count:
        return None
    index = AppealIndexPage.objects.live().public().filter(locale=default).select_related("locale").first()
    return {"count": count, "url": index.url if index else f"/{settings.LANGUAGE_CODE}/"}


def appeal_town_choices() -> list[str]:
    return sorted(set(appeal_open_list().exclude(town="").values_list("town", flat=True)))


def appeal_surroundings(*, appeal: AppealPage) -> dict:
    """What an appeal page shows beside the ask: its tandem (if any), its tags and a few sibling appeals.

    A fixed number of queries whatever the number of tags or siblings: the appeal page is the most visited.
    """
    parent = appeal.get_parent()  # attached by routing, no query
    siblings = (
        pages_live_public(AppealPage.objects).sibling_of(appeal, inclusive=False)
        .select_related("locale", "image").prefetch_related("image__renditions").order_by("-open_from")[:4]
    )
    # The tandem with its portrait, the lead picture when the appeal has none of its own.
    tandem = (TandemPage.objects.select_related("portrait").get(pk=parent.pk)
              if parent.specific_class is TandemPage else None)
    return {
        "tandem": tandem,
        "appeal_tags": tags_in_language(language_code=get_language(), tags=appeal.tags.all())["tags"],
        "sibling_appeals": list(siblings),
        "appeal_index": generation_memo(name=f"appeal-index:{appeal.locale_id}", compute=lambda: (
            pages_live_public(AppealIndexPage.objects).filter(locale_id=appeal.locale_id).select_related("locale")
            .first())),
    }
