"""Page types shared by the apps: an index of one kind of page with filters in the address."""

from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.listing import listing_context


class FilteredIndexPage(Page):
    """Lists one page type, filtered by validated GET parameters and paginated.

    Subclasses set `template` (Wagtail gives every page class its own default) and name their filter
    form and selectors as dotted paths: those modules import the models they list, so importing them
    at class creation would be circular.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    card_template: str
    filter_form: str
    town_choices: str
    filtered_list: str

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["card_template"] = self.card_template
        context.update(listing_context(request=request, form_class=import_string(self.filter_form),
                                       towns=import_string(self.town_choices)(),
                                       select=import_string(self.filtered_list)))
        return context
