from django import template

register = template.Library()


@register.inclusion_tag("appeals/includes/more_in_default_language.html")
def more_in_default_language():
    """A note on English and Arabic pages: more appeals exist in German, and a link to them."""
    from ..selectors import appeal_default_language_extra

    return {"extra": appeal_default_language_extra()}
