from django import template

from ..reasons import reasons_text
from ..vocabulary import Kind, slot_label

register = template.Library()


@register.filter
def reasons(value) -> str:
    """A proposal's or suggestion's reasons in the active language."""
    return reasons_text(getattr(value, "reasons", value))


@register.filter
def slot_names(codes) -> str:
    return "; ".join(slot_label(code) for code in codes)


@register.filter
def kind_names(codes) -> str:
    labels = dict(Kind.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes)
