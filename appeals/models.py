from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.pages import FilteredIndexPage, ServedPage
from places.admin_forms import AppealPageForm
from places.models import Located


class AppealCategory(models.TextChoices):
    JOB = "job", _("job")
    APPRENTICESHIP = "apprenticeship", _("apprenticeship")
    INTERNSHIP = "internship", _("internship")
    HOUSING = "housing", _("housing")
    COMPANY = "company", _("company")
    LANGUAGE_PRACTICE = "language_practice", _("language practice")
    OTHER = "other", _("other")


# The outcomes that meet an appeal's ask; they share their values with the tandem's outcome statuses.
CLOSED_REASONS = [
    ("job_found", _("job found")),
    ("apprenticeship", _("apprenticeship")),
    ("internship", _("internship")),
    ("met", _("met")),
]
OUTCOME_FIELDS = ("closed_on", "closed_reason")


class AppealTag(TaggedItemBase):
    content_object = ParentalKey("appeals.AppealPage", on_delete=models.CASCADE, related_name="tagged_items")


class AppealIndexPage(FilteredIndexPage):
    """All open appeals, filterable by town, category and tag."""

    template = "core/index_page.html"
    card_template = "appeals/includes/appeal_card.html"
    filter_form = "appeals.forms.AppealFilterForm"
    town_choices = "appeals.selectors.appeal_town_choices"
    filtered_list = "appeals.selectors.appeal_filtered_list"

    class Meta:
        verbose_name = _("appeal index")


class AppealPage(Located, ServedPage):
    """One concrete ask, answered by visitors through "give a tip" and "get in touch"."""

    category = models.CharField(_("category"), max_length=24, choices=AppealCategory.choices)
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    needed = RichTextField(_("what is needed"), features=["bold", "italic", "link", "ul", "ol"])
    radius_km = models.PositiveSmallIntegerField(_("radius (km)"), default=25)
    open_from = models.DateField(_("open from"), default=timezone.localdate)
    open_until = models.DateField(_("open until"), null=True, blank=True)
    tags = ClusterTaggableManager(through=AppealTag, blank=True, verbose_name=_("tags"))
    # Set when a recorded outcome meets the ask (on every translation at once), never through the editor:
    # a draft saved before the outcome must not reopen the appeal when it is published.
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    closed_reason = models.CharField(_("closed because"), max_length=20, blank=True, editable=False,
                                     choices=CLOSED_REASONS)
    # A face or a place sells an ask better than words: cards and the page lead with it.
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("picture"), help_text=_("The person or the place the appeal is about. Leave empty to show "
                                               "the tandem's portrait."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        FieldPanel("image"),
        FieldPanel("summary"),
        FieldPanel("needed"),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("radius_km")], heading=_("Place")),
        FieldRowPanel([FieldPanel("open_from"), FieldPanel("open_until")], heading=_("Open")),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("needed"),
        index.SearchField("town"),
        index.FilterField("category"),
        index.FilterField("town"),
    ]
    base_form_class = AppealPageForm
    serve_select_related = ("image",)
    parent_page_types = ["tandems.TandemPage", "partners.PartnerPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("appeal")

    def get_context(self, request, *args, **kwargs):
        from partners.selectors import partner_of_page

        from .selectors import appeal_surroundings

        context = super().get_context(request, *args, **kwargs)
        context["partner"] = partner_of_page(page=self)
        context.update(appeal_surroundings(appeal=self))
        return context

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for field in OUTCOME_FIELDS:
            setattr(page, field, getattr(self, field))
        return page

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (self.closed_on is None and self.open_from <= today
                and (self.open_until is None or today <= self.open_until))

    @property
    def found(self) -> bool:
        """Met by a recorded outcome (see tandems): the page thanks everyone and takes no more tips."""
        return self.closed_on is not None
