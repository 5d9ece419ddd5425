"""Template tags every public page shares: the network footer, legal links and query-string-preserving page
links."""

from django import template
from django.utils import translation

register = template.Library()


@register.inclusion_tag("core/includes/footer.html", takes_context=True)
def network_footer(context):
    from partners.selectors import partner_logo_list

    from ..models import NetworkSettings
    from ..selectors import legal_pages_for, network_tagline

    request = context["request"]
    network = NetworkSettings.for_request(request)
    language = translation.get_language()
    tagline, tagline_code = network_tagline(network=network, language_code=language)
    # A page in another language that falls back to the default tagline says so, for screen readers and bidi.
    return {
        "network": network, "tagline": tagline, "partners": partner_logo_list(), "request": request,
        "legal": legal_pages_for(partner=context.get("partner")),
        "tagline_language": translation.get_language_info(tagline_code) if tagline_code != language else None,
    }


@register.simple_tag(takes_context=True)
def page_query(context, number: int) -> str:
    """The current filters with another page number, so pagination keeps what the visitor chose."""
    query = context["request"].GET.copy()
    query["page"] = number
    return query.urlencode()


@register.filter
def whole_minutes(duration) -> int:
    """A timedelta as whole minutes (at least one), for sentences like "try again in 30 minutes"."""
    return max(1, round(duration.total_seconds() / 60))


@register.simple_tag
def legal_pages(partner=None) -> dict:
    """{"imprint": page, "privacy": page} for `partner`'s section, falling back to the network's."""
    from ..selectors import legal_pages_for

    return legal_pages_for(partner=partner or None)
