"""Reach on every public page: link preview tags, the visit beacon, the share bar."""

from urllib.parse import quote, urlencode

from django import template
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.models import NetworkSettings
from reach import selectors
from reach.cards import arabic_script

register = template.Library()


@register.filter
def text_direction(value) -> str:
    """"rtl" for text in Arabic script, else "ltr": for WeasyPrint, which knows `dir` but not <bdi>'s auto."""
    return "rtl" if arabic_script(str(value or "")) else "ltr"


def _page(context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("reach/includes/link_preview.html", takes_context=True)
def link_preview(context):
    """Open Graph and Twitter card tags in the page's language (title, description, canonical URL, card)."""
    request, page = context.get("request"), _page(context)
    if request is None:
        return {}
    language = translation.get_language()
    locale, alternates = selectors.og_locales(language=language)
    network = NetworkSettings.for_request(request)
    card = selectors.share_card_for(page=page) if page else None
    return {
        "site_name": network.name,
        "title": (page.seo_title or page.title) if page else network.name,
        "description": selectors.page_description(page=page),
        "url": request.build_absolute_uri(request.path),
        "locale": locale, "alternates": alternates,
        "image": card and {"url": request.build_absolute_uri(card.image.url), "width": card.width,
                           "height": card.height},
    }


@register.inclusion_tag("reach/includes/visit_beacon.html", takes_context=True)
def visit_beacon(context):
    """The same for every visitor: the script reads the channel from the address the visitor came by."""
    page = _page(context)
    return {"page_id": page.pk if page else None, "language": translation.get_language()}


def _links(*, url: str, title: str) -> list[selectors.ShareLink]:
    def text(channel: str) -> str:
        return f"{title} {selectors.url_with_channel(url, channel)}"

    def via(channel: str) -> str:
        return quote(selectors.url_with_channel(url, channel), safe="")

    return [
        selectors.ShareLink("whatsapp", "WhatsApp", f"https://wa.me/?{urlencode({'text': text('whatsapp')})}"),
        selectors.ShareLink("telegram", "Telegram", "https://t.me/share/url?"
                            + urlencode({"url": selectors.url_with_channel(url, "telegram"), "text": title})),
        selectors.ShareLink("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={via('facebook')}"),
        selectors.ShareLink("x", "X", "https://x.com/intent/post?"
                            + urlencode({"text": title, "url": selectors.url_with_channel(url, "x")})),
        selectors.ShareLink("email", _("E-mail"), "mailto:?"
                            + urlencode({"subject": title, "body": text("email")}, quote_via=quote)),
    ]


@register.inclusion_tag("reach/includes/share_bar.html", takes_context=True)
def share_bar(context, page=None, heading: str = "", title: str = ""):
    """Share links for one page (or, without one, the current view), each carrying its channel; the phone's own
    share sheet where there is one."""
    request = context.get("request")
    if request is None or (page is None and not title):
        return {}
    url = request.build_absolute_uri(page.get_url(request) if page else request.path)
    title = title or page.seo_title or page.title
    return {
        "heading": heading or _("Share"), "title": title, "links": _links(url=url, title=title),
        "sheet_url": selectors.url_with_channel(url, "share"),
        "signal_url": selectors.url_with_channel(url, "signal"), "signal_label": "Signal",  # a name: not translated
        "copy_url": selectors.url_with_channel(url, "link"),
        "poster_url": reverse("reach:poster", args=[page.pk]) if page and selectors.page_has_card(page=page) else "",
    }
