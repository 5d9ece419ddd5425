"""Reading across page types: site search, the sitemap's pages, the network's tagline per language and the
imprint and privacy notice that apply to a page."""

import re

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation
from wagtail.models import Locale, Page, Site

from appeals.models import AppealPage
from pagecache.selectors import generation_memo
from tandems.models import TandemPage

from .models import LegalPage, NetworkSettings

SEARCH_LIMIT = 50
WORD = re.compile(r"\w+")


def search_words(query: str) -> str:
    """The words of `query`, lower case, separated by spaces.

    Quotes, brackets, stars and upper-case AND/OR/NOT/NEAR are syntax to SQLite's full-text search (an
    unbalanced quote was an error); visitors type words, so words are all a search engine gets.
    """
    return " ".join(WORD.findall(query.lower()))


def page_search(*, query: str) -> list[Page]:
    """Live, public appeals and tandems of the active language that match `query`, best first."""
    query = search_words(query)
    if not query:
        return []
    pages = Page.objects.live().public().filter(locale=Locale.get_active()).type(AppealPage, TandemPage)
    return list(pages.specific().search(query)[:SEARCH_LIMIT])


def sitemap_page_list(*, site: Site) -> QuerySet[Page]:
    """Every live, public page under the site's root page and under each of its translations."""
    roots = site.root_page.get_translations(inclusive=True)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    return pages.live().public().order_by("locale_id", "path").defer_streamfields().specific()


def network_tagline(*, network: NetworkSettings, language_code: str) -> tuple[str, str]:
    """The tagline in `language_code`, or the default-language tagline while that language has none, with
    the code of the language it is written in.

    Costs one query outside the default language and none in it.
    """
    if language_code != settings.LANGUAGE_CODE:
        translated = network.tagline_translations.filter(language_code=language_code).values_list(
            "tagline", flat=True).first()
        if translated:
            return translated, language_code
    return network.tagline, settings.LANGUAGE_CODE


def legal_pages_for(*, partner: Page | None) -> dict[str, LegalPage]:
    """The imprint and privacy notice for a page of `partner`'s section (or of the network when None).

    The partner's own pages win; what it has not written falls back to the network's, in the visitor's
    language where translated, else in the default language. Every page's footer shows them: remembered
    until the next change visitors would see (pagecache), so no query on most page renders.
    """
    section = partner.pk if partner is not None else 0
    return generation_memo(name=f"legal-pages:{translation.get_language()}:{section}",
                           compute=lambda: _legal_pages(partner=partner))


def _legal_pages(*, partner: Page | None) -> dict[str, LegalPage]:
    active = Locale.get_active()
    where = Q(depth=3)  # children of a home page
    if partner is not None:
        where |= Q(depth=partner.depth + 1, path__startswith=partner.path)
    candidates = (LegalPage.objects.live().public().filter(where)
                  .filter(Q(locale=active) | Q(locale__language_code=settings.LANGUAGE_CODE))
                  .select_related("locale"))

    def rank(page: LegalPage) -> tuple[int, int]:
        return (page.depth == 3, page.locale_id != active.pk)

    chosen: dict[str, LegalPage] = {}
    for page in sorted(candidates, key=rank):
        chosen.setdefault(page.kind, page)
    return chosen
