"""Reading partner organisations: their sections, the logos every footer shows, the partner of a page."""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from appeals.models import AppealPage
from core.pages import pages_live_public
from pagecache.selectors import generation_memo
from tandems.models import TandemPage

from .models import PartnerPage

LOGOS_CACHE_KEY = "partners:logos:{language}"
LOGOS_CACHE_SECONDS = 60 * 60
LOGO_RENDITION = "max-240x120"
PARTNER_DEPTH = 3  # root, home page, partner


def partner_section(*, partner: PartnerPage) -> dict:
    """The live tandems and appeals of one partner, for its page."""
    return {
        "tandems": pages_live_public(TandemPage.objects.child_of(partner)).select_related("portrait")
        .prefetch_related("portrait__renditions"),
        "appeals": pages_live_public(AppealPage.objects.descendant_of(partner)).select_related("image")
        .prefetch_related("image__renditions").order_by("-open_from"),
    }


def partner_of_page(*, page: Page) -> PartnerPage | None:
    """The partner whose section holds `page` (the page itself when it is a partner page)."""
    if isinstance(page, PartnerPage):
        return page
    # Partner pages sit right below a home page, so the first three steps of the tree path name the section:
    # every page of it shares one remembered answer until the next change (see pagecache).
    section = page.path[:page.steplen * PARTNER_DEPTH]
    return generation_memo(name=f"partner-of:{section}", compute=lambda: (
        PartnerPage.objects.ancestor_of(page).select_related("logo").first()))


def _logo_rows() -> list[dict]:
    # Every partner appears in every language: its page in the visitor's language where translated,
    # otherwise the original (German) one, so a partner without translations is never left out.
    active = Locale.get_active().pk
    chosen: dict = {}
    for partner in pages_live_public(PartnerPage.objects).select_related("logo", "locale"):
        current = chosen.get(partner.translation_key)
        if current is None or partner.locale_id == active or (
            current.locale_id != active and partner.locale.language_code == settings.LANGUAGE_CODE
        ):
            chosen[partner.translation_key] = partner
    rows = []
    for partner in sorted(chosen.values(), key=lambda page: page.title.casefold()):
        row = {"title": partner.title, "url": partner.get_url(), "logo": None}
        if partner.logo:
            rendition = partner.logo.get_rendition(LOGO_RENDITION)
            row["logo"] = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
        rows.append(row)
    return rows


def partner_logo_list() -> list[dict]:
    """Every live partner of the active language, with a small logo rendition: cached, as every footer shows it."""
    key = LOGOS_CACHE_KEY.format(language=translation.get_language() or settings.LANGUAGE_CODE)
    rows = cache.get(key)
    if rows is None:
        rows = _logo_rows()
        cache.set(key, rows, LOGOS_CACHE_SECONDS)
    return rows


def partner_logo_cache_clear() -> None:
    cache.delete_many([LOGOS_CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])


def partner_home_for_user(*, user) -> PartnerPage | None:
    """The section a partner's editor or moderator starts from: their partner's page in their admin language.

    None for staff and for people of several partners (they start from the root, as Wagtail has it). A
    partner not yet translated into that language gives its page in the default language.
    """
    if user.is_superuser:
        return None
    group_ids = list(user.groups.values_list("pk", flat=True))
    partners = PartnerPage.objects.filter(
        models.Q(editors_group_id__in=group_ids) | models.Q(moderators_group_id__in=group_ids)
    ).select_related("locale")
    if len({partner.translation_key for partner in partners}) != 1:
        return None
    by_language = {partner.locale.language_code: partner for partner in partners}
    language = UserProfile.get_for_user(user).get_preferred_language()
    return by_language.get(language) or by_language.get(settings.LANGUAGE_CODE) or partners[0]


def partner_section_page_count(*, partner: PartnerPage) -> int:
    """Pages of a partner's section in every language: the partner's page and all below it, translations too."""
    sections = PartnerPage.objects.filter(translation_key=partner.translation_key)
    query = models.Q()
    for section in sections:
        query |= models.Q(path__startswith=section.path)
    return Page.objects.filter(query).count()
