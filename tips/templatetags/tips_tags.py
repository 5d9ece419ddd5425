from django import template

register = template.Library()


@register.inclusion_tag("tips/includes/figures.html")
def tip_figures():
    """Live figures of the tips module for the home page (filled in by the tips work)."""
    return {}
