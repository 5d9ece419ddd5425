"""Template helpers for a three-language, partly right-to-left site."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe

from localization import selectors

register = template.Library()


@register.filter
def isolate(value, direction: str = "") -> str:
    """Wrap text of unknown direction (names, e-mail addresses, URLs, user input) in <bdi>.

    Inside an Arabic sentence a Latin name or an address ending in punctuation would otherwise be
    reordered by the bidi algorithm; <bdi> lets the browser pick the run's own direction. Escapes.
    `|isolate:"ltr"` fixes the direction for text with no letters to judge by, such as a phone number,
    whose digit groups an Arabic line would otherwise put in reverse order.
    """
    if value in (None, ""):
        return ""
    if direction in ("ltr", "rtl"):
        return format_html('<bdi dir="{}">{}</bdi>', direction, value)
    return format_html("<bdi>{}</bdi>", value)


FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


@register.filter
def isolate_text(value) -> str:
    """The plain-text twin of `isolate`, for e-mails and <title>: Unicode isolate marks instead of <bdi>.

    Mail programs and browser tabs apply the bidi algorithm to them just as to <bdi>, and they are
    invisible. Escaping stays with the template (HTML escapes, text e-mails turn autoescape off).
    """
    if value in (None, ""):
        return ""
    isolated = f"{FIRST_STRONG_ISOLATE}{value}{POP_DIRECTIONAL_ISOLATE}"
    return mark_safe(isolated) if isinstance(value, SafeData) else isolated  # noqa: S308 (the marks add no markup)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[selectors.LanguageLink]:
    """The current page (or view) in every site language; see localization.selectors.language_links."""
    request = context.get("request")
    if request is None:
        return []
    # The <head> and the header both ask; one lookup per request is enough.
    if not hasattr(request, "_language_links"):
        request._language_links = selectors.language_links(request=request, page=context.get("page"))
    return request._language_links
