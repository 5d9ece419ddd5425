from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtailmedia.widgets import AdminMediaChooser

from core.blocks import StoryBlock
from core.pages import FilteredIndexPage, ServedPage
from places.models import Located, round_to_public

from .admin_forms import TandemPageForm


class TandemStatus(models.TextChoices):
    SEARCHING = "searching", _("searching")
    INTERVIEW = "interview", _("interview")
    INTERNSHIP = "internship", _("internship")
    APPRENTICESHIP = "apprenticeship", _("apprenticeship")
    JOB_FOUND = "job_found", _("job found")
    PAUSED = "paused", _("paused")


class TandemLanguage(TaggedItemBase):
    content_object = ParentalKey("tandems.TandemPage", on_delete=models.CASCADE, related_name="language_items")


class TandemSkill(TaggedItemBase):
    content_object = ParentalKey("tandems.TandemPage", on_delete=models.CASCADE, related_name="skill_items")


class TandemOccupation(TaggedItemBase):
    content_object = ParentalKey("tandems.TandemPage", on_delete=models.CASCADE, related_name="occupation_items")


class TandemIndexPage(FilteredIndexPage):
    """All tandems of the network, filterable by town and tag."""

    template = "core/index_page.html"
    card_template = "tandems/includes/tandem_card.html"
    filter_form = "tandems.forms.TandemFilterForm"
    town_choices = "tandems.selectors.tandem_town_choices"
    filtered_list = "tandems.selectors.tandem_filtered_list"

    class Meta:
        verbose_name = _("tandem index")


class TandemPage(Located, ServedPage):
    """A refugee and a mentor (or one person) telling their story.

    Names are first names or pseudonyms only, and the map position is rounded to the town on save:
    the people shown here are vulnerable, and a page must never lead anyone to their door.
    """

    names = models.CharField(_("names"), max_length=120, help_text=_("First names or pseudonyms only."))
    portrait = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("portrait"),
    )
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    intro_video = models.ForeignKey(
        "wagtailmedia.Media", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("intro video"),
    )
    intro_video_captions = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("intro video captions (WebVTT file)"),
    )
    intro_video_embed = models.URLField(_("intro video (embed URL)"), blank=True)
    story = StreamField(StoryBlock(), blank=True, verbose_name=_("story"))
    languages = ClusterTaggableManager(through=TandemLanguage, blank=True, related_name="tandems_speaking",
                                       verbose_name=_("languages"))
    skills = ClusterTaggableManager(through=TandemSkill, blank=True, related_name="tandems_skilled",
                                    verbose_name=_("skills"))
    sought_occupations = ClusterTaggableManager(through=TandemOccupation, blank=True,
                                                related_name="tandems_seeking",
                                                verbose_name=_("sought occupations"))
    status = models.CharField(_("status"), max_length=20, choices=TandemStatus.choices,
                              default=TandemStatus.SEARCHING)
    # Never shown on the site: tips can be forwarded to the mentor from the admin.
    mentor_email = models.EmailField(_("mentor's e-mail (not public)"), blank=True,
                                     help_text=_("Tips for this tandem can be forwarded here from the admin."))

    content_panels = Page.content_panels + [
        FieldPanel("names"),
        FieldPanel("portrait"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("intro_video", widget=AdminMediaChooser), FieldPanel("intro_video_captions"),
                         FieldPanel("intro_video_embed")], heading=_("Intro video")),
        FieldPanel("story"),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("skills"), FieldPanel("sought_occupations")],
            heading=_("Languages, skills and sought occupation"),
        ),
        MultiFieldPanel([FieldPanel("place")], heading=_("Place (town level only)")),
        FieldPanel("status"),
        FieldPanel("mentor_email"),
        InlinePanel("status_changes", label=_("Outcomes over time")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("names"),
        index.SearchField("summary"),
        index.SearchField("town"),
        index.FilterField("town"),
        index.FilterField("status"),
    ]
    base_form_class = TandemPageForm
    parent_page_types = ["partners.PartnerPage"]
    subpage_types = ["appeals.AppealPage"]
    serve_select_related = ("portrait", "intro_video")

    class Meta:
        verbose_name = _("tandem")

    def get_context(self, request, *args, **kwargs):
        from partners.selectors import partner_of_page

        from .selectors import tandem_profile

        context = super().get_context(request, *args, **kwargs)
        context["partner"] = partner_of_page(page=self)
        context.update(tandem_profile(tandem=self))
        return context

    def save(self, *args, **kwargs):
        self.latitude = round_to_public(self.latitude)
        self.longitude = round_to_public(self.longitude)
        return super().save(*args, **kwargs)


class TandemStatusChange(TranslatableMixin, Orderable):
    """One step of a tandem's path: an interview, an internship, the job.

    Translatable, so wagtail-localize offers its note for translation instead of copying the German one.
    """

    tandem = ParentalKey(TandemPage, on_delete=models.CASCADE, related_name="status_changes")
    date = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=20, choices=TandemStatus.choices)
    note = models.CharField(_("note"), max_length=250, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status")]), FieldPanel("note")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("outcome")


class TandemApplication(models.Model):
    """A "become a tandem" application: the draft tandem page it made and how to answer its mentor.

    The mentor's address lives on the page (`mentor_email`, never public); this row keeps the language to
    write in and whether the "your page is online" e-mail went out, so a second publish sends nothing.
    """

    tandem = models.OneToOneField(TandemPage, on_delete=models.CASCADE, related_name="application",
                                  verbose_name=_("tandem"))
    language = models.CharField(_("language"), max_length=8, default="de")
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    published_notified_at = models.DateTimeField(_("mentor told it is online"), null=True, blank=True)

    class Meta:
        verbose_name = _("tandem application")

    def __str__(self):
        return f"#{self.pk}"
