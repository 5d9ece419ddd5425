from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.url_routing import RouteResult

from core.pages import ServedPage, route_in_one_query


class HomePage(ServedPage):
    """The campaign's face: intro, featured appeals, the map of open appeals and live figures."""

    ask = models.CharField(
        _("the ask"), max_length=160, blank=True,
        help_text=_("One sentence that says what visitors can do, shown large beside the people's faces."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("ask"),
        FieldPanel("intro"),
        InlinePanel("featured_appeals", label=_("Featured appeals"), max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["partners.PartnerPage", "appeals.AppealIndexPage", "tandems.TandemIndexPage", "core.LegalPage",
                     "matching.CompanyCampaignPage"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # No page type below the home page routes on its own (no RoutablePageMixin): the stored URL path
        # finds the page directly. Like Wagtail, only the page asked for must be live.
        if not path_components:
            return super().route(request, path_components)
        page = route_in_one_query(self, path_components)
        if page is None or not page.live:
            raise Http404
        return RouteResult(page)

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_showcase

        context = super().get_context(request, *args, **kwargs)
        context.update(home_showcase(home=self))
        return context


class FeaturedAppeal(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_appeals")
    appeal = models.ForeignKey("appeals.AppealPage", on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("appeal"))

    panels = [PageChooserPanel("appeal")]
