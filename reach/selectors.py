"""Reading what reach shows: link preview tags, share cards, share links."""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.utils import translation
from django.utils.text import Truncator
from wagtail.models import Page, Site

from core.models import NetworkSettings
from pagecache.selectors import generation_memo
from partners.selectors import partner_of_page

from .cards import CardText
from .models import ShareCard

# The page types that get a share card; a later page type opts in with `share_card = True`.
CARD_MODELS = {"appeals.appealpage", "tandems.tandempage", "partners.partnerpage", "matching.companycampaignpage"}
OG_LOCALES = {"de": "de_DE", "en": "en_GB", "ar": "ar_AR"}


def page_has_card(*, page: Page) -> bool:
    return page.specific_class is not None and (
        page.specific_class._meta.label_lower in CARD_MODELS or getattr(page.specific_class, "share_card", False)
    )


def _portrait(page: Page):
    """The picture for a page's card: its own portrait, its tandem's, or its partner's logo."""
    for candidate in (page, page.get_parent().specific):
        if getattr(candidate, "portrait", None):
            return candidate.portrait
    partner = partner_of_page(page=page)
    return partner.logo if partner else None


def share_card_content(*, page: Page) -> tuple[CardText, object]:
    """The texts of a page's card in the page's own language, and the Wagtail image to show (or None)."""
    network = NetworkSettings.for_site(page.get_site() or Site.objects.get(is_default_site=True))
    language = page.locale.language_code
    partner = partner_of_page(page=page)
    with translation.override(language):
        kicker = network.name if partner is None or partner.pk == page.pk else partner.title
        place = getattr(page, "town", "") or getattr(page, "region", "")
        footer = " · ".join(part for part in (network.name, network.hashtag_text) if part)
        card = CardText(title=page.title, kicker=kicker, place=place, footer=footer,
                        rtl=translation.get_language_bidi(), language=language)
    return card, _portrait(page)


def share_card_for(*, page: Page) -> ShareCard | None:
    """The card of the page's newest published revision (the one before while a new one is being made).

    Remembered until the next change visitors would see; a new card is such a change (pagecache.signals).
    """
    return generation_memo(name=f"share-card:{page.pk}", compute=lambda: (
        ShareCard.objects.filter(page_id=page.pk).order_by("-revision_id").first()))


def page_description(*, page: Page | None) -> str:
    if page is None:
        return ""
    specific = page.specific
    text = (page.search_description or getattr(specific, "summary", "") or getattr(specific, "short_description", ""))
    return Truncator(" ".join(text.split())).chars(200)


def og_locales(*, language: str) -> tuple[str, list[str]]:
    """og:locale for the page's language and og:locale:alternate for the others."""
    return OG_LOCALES.get(language, language), [OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES
                                                if code != language]


@dataclass
class ShareLink:
    channel: str
    label: str
    href: str  # empty for the ones that copy instead of opening an app


def url_with_channel(url: str, channel: str) -> str:
    """`url` with `?via=<channel>` (any other via replaced), the way tips and visits read their channel."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode({"via": channel})))
