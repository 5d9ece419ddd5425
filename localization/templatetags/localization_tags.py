"""Template helpers for a three-language, partly right-to-left site."""

from django import template
from django.utils.html import format_html

from localization import selectors

register = template.Library()


@register.filter
def isolate(value) -> str:
    """Wrap text of unknown direction (names, e-mail addresses, URLs, user input) in <bdi>.

    Inside an Arabic sentence a Latin name or an address ending in punctuation would otherwise be
    reordered by the bidi algorithm; <bdi> lets the browser pick the run's own direction. Escapes.
    """
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)


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
