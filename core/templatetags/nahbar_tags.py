"""Template tags every public page shares: the network footer and query-string-preserving page links."""

from django import template

register = template.Library()


@register.inclusion_tag("core/includes/footer.html", takes_context=True)
def network_footer(context):
    from partners.selectors import partner_logo_list

    from ..models import NetworkSettings

    request = context["request"]
    return {"network": NetworkSettings.for_request(request), "partners": partner_logo_list(), "request": request}


@register.simple_tag(takes_context=True)
def page_query(context, number: int) -> str:
    """The current filters with another page number, so pagination keeps what the visitor chose."""
    query = context["request"].GET.copy()
    query["page"] = number
    return query.urlencode()
