"""Reading what the home page shows: featured appeals, live figures, the ways into the indexes."""

from wagtail.models import Page

from appeals.models import AppealIndexPage, AppealPage
from appeals.selectors import appeal_open_count
from core.pages import pages_live_public
from pagecache.selectors import generation_memo
from partners.selectors import partner_logo_list
from tandems.models import TandemIndexPage, TandemPage
from tandems.selectors import tandem_outcome_count

from .models import HomePage

FACES = 5


def home_showcase(*, home: HomePage) -> dict:
    featured = (
        home.featured_appeals.filter(appeal__live=True, appeal__view_restrictions__isnull=True)
        .select_related("appeal", "appeal__locale").order_by("sort_order")
    )
    return {
        "featured": _in_language([item.appeal for item in featured], locale_id=home.locale_id),
        **generation_memo(name="campaign-figures", compute=_campaign_figures),
        "index_pages": generation_memo(name=f"index-pages:{home.pk}", compute=lambda: list(
            pages_live_public(Page.objects.child_of(home)).type(AppealIndexPage, TandemIndexPage)
            .select_related("locale"))),
        "partners": partner_logo_list(),
        "faces": _faces(locale_id=home.locale_id),
    }


def _campaign_figures() -> dict[str, int]:
    # Every language's home page shows the same figures; they change with publishing (which renews the memo)
    # and with the date (an appeal's closing day), lagging at most PAGE_CACHE_SECONDS like the page itself.
    return {"open_appeal_count": appeal_open_count(), "outcome_count": tandem_outcome_count()}


def _faces(*, locale_id: int) -> list[TandemPage]:
    """The campaign's people for the hero: tandems of this language with a portrait, newest first."""
    return list(
        pages_live_public(TandemPage.objects).filter(locale_id=locale_id, portrait__isnull=False)
        .select_related("portrait").prefetch_related("portrait__renditions")
        .order_by("-first_published_at")[:FACES]
    )


def _in_language(appeals: list[AppealPage], *, locale_id: int) -> list[AppealPage]:
    """Staff feature appeals once; each language's home page shows those with a live translation into it.

    An untranslated appeal is left out rather than shown in German: a reader of this language could not read it.
    """
    translations = AppealPage.objects.live().filter(
        locale_id=locale_id, translation_key__in=[appeal.translation_key for appeal in appeals]
    ).select_related("locale", "image").prefetch_related("image__renditions")
    by_key = {appeal.translation_key: appeal for appeal in translations}
    return [by_key[appeal.translation_key] for appeal in appeals if appeal.translation_key in by_key]
