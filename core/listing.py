"""Filtered, paginated listings for the index pages: validated GET filters and a page of results."""

from collections.abc import Callable

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .visitor_forms import VisitorForm

PER_PAGE = 12


class ListingFilterForm(VisitorForm):
    """Filters a visitor sets in the address; what is invalid is reported and ignored, the rest still applies."""

    town = forms.ChoiceField(label=_("Town"), required=False)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100, widget=forms.TextInput(attrs={"dir": "auto"}))

    def clean_tag(self) -> str:
        # Tags are matched by slug, so "Handwerk", "handwerk" and a link's "handwerk" find the same pages.
        return slugify(self.cleaned_data["tag"], allow_unicode=True)

    def __init__(self, *args, towns: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].choices = [("", _("all towns")), *((town, town) for town in towns)]


def listing_context(*, request, form_class: type[ListingFilterForm], towns: list[str],
                    select: Callable[..., QuerySet]) -> dict:
    form = form_class(request.GET or None, towns=towns)
    form.is_valid()
    filters = {name: value for name, value in getattr(form, "cleaned_data", {}).items() if value}
    results = Paginator(select(**filters), PER_PAGE).get_page(request.GET.get("page"))
    return {"filter_form": form, "results": results, "is_filtered": bool(filters)}
