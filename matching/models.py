"""Company campaigns, the people who seek or offer company there, and the proposals between them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page

from places.models import Located

from .fields import ChoiceListField
from .vocabulary import (
    AgeBand,
    Feature,
    Kind,
    Language,
    Outcome,
    PartOfDay,
    ProposalStatus,
    Role,
    Status,
    Weekday,
    slot_label,
)

MESSAGE_MAX_LENGTH = 600


class CompanyCampaignPage(Page):
    """A season of company ("Weihnachten 2026") or all year round: its slots, kinds, figures and two forms."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    hashtag = models.CharField(_("hashtag"), max_length=60, blank=True, help_text=_("Without the #."))
    starts_on = models.DateField(_("season starts"))
    ends_on = models.DateField(_("season ends"))
    kinds = ChoiceListField(_("kinds of company"), choices_list=Kind.choices)
    weekly_slots = models.BooleanField(_("also weekly slots"), default=False,
                                       help_text=_("Besides the fixed dates, people may choose weekdays."))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hashtag"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Season")),
        FieldPanel("kinds"),
        InlinePanel("slots", label=_("Fixed dates")),
        FieldPanel("weekly_slots"),
    ]
    parent_page_types = ["home.HomePage", "partners.PartnerPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("company campaign")

    def get_context(self, request, *args, **kwargs):
        from .selectors import campaign_public_counts, campaign_town_counts

        context = super().get_context(request, *args, **kwargs)
        source = self.default_language_page()
        context["counts"] = campaign_public_counts(campaign=source)
        context["towns"] = campaign_town_counts(campaign=source)
        return context

    def default_language_page(self) -> "CompanyCampaignPage":
        """Sign-ups of every language belong to the default-language page; translations show its figures."""
        return CompanyCampaignPage.objects.filter(translation_key=self.translation_key,
                                                  locale=Locale.get_default()).first() or self

    def slot_choices(self) -> list[tuple[str, str]]:
        choices = [(slot.code, slot.label) for slot in self.slots.all()]
        if self.weekly_slots:
            choices += [(code, label) for code, label in weekly_slot_choices()]
        return choices

    def is_open(self) -> bool:
        return self.live and timezone.localdate() <= self.ends_on


def weekly_slot_choices() -> list[tuple[str, str]]:
    return [(f"{day}-{part}", slot_label(f"{day}-{part}")) for day in Weekday.values for part in PartOfDay.values]


class CampaignSlot(Orderable):
    campaign = ParentalKey(CompanyCampaignPage, on_delete=models.CASCADE, related_name="slots")
    date = models.DateField(_("date"))
    part_of_day = models.CharField(_("part of day"), max_length=10, choices=PartOfDay.choices)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("part_of_day")])]

    @property
    def code(self) -> str:
        return f"{self.date.isoformat()}-{self.part_of_day}"

    @property
    def label(self) -> str:
        return slot_label(self.code)


class CompanyRequest(Located):
    """One person who looks for company or offers it. Contact data only for staff and the owning partner."""

    campaign = models.ForeignKey(CompanyCampaignPage, on_delete=models.CASCADE, related_name="requests",
                                 verbose_name=_("campaign"))
    role = models.CharField(_("role"), max_length=8, choices=Role.choices)
    first_name = models.CharField(_("first name or alias"), max_length=60)
    age_band = models.CharField(_("age"), max_length=8, choices=AgeBand.choices)
    travel_km = models.PositiveSmallIntegerField(_("how far they can travel (km)"), default=10)
    kinds = ChoiceListField(_("kinds of company"), choices_list=Kind.choices)
    slots = ChoiceListField(_("dates"), blank=True)
    needs = ChoiceListField(_("needs"), choices_list=Feature.choices, blank=True)
    offers = ChoiceListField(_("offers"), choices_list=Feature.choices, blank=True)
    languages = ChoiceListField(_("languages spoken"), choices_list=Language.choices)
    age_preference = ChoiceListField(_("preferred age of the other"), choices_list=AgeBand.choices, blank=True)
    capacity = models.PositiveSmallIntegerField(_("guests a host can take"), default=1)
    message = models.TextField(_("message to the other"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    # Contact data: never shown to the other side before both accepted, deleted after the season.
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent = models.BooleanField(_("consent"), default=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="de")
    on_behalf = models.BooleanField(_("signed up on someone's behalf"), default=False)
    helper_name = models.CharField(_("helper's name"), max_length=120, blank=True)
    helper_contact = models.CharField(_("helper's phone or e-mail"), max_length=120, blank=True)
    partner = models.ForeignKey("partners.PartnerPage", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="company_requests", verbose_name=_("partner"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("entered by"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED,
                              db_index=True)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    recheck_asked_at = models.DateTimeField(_("asked to confirm again"), null=True, blank=True)
    recheck_reminded_at = models.DateTimeField(_("reminded to confirm again"), null=True, blank=True)
    contact_deleted_at = models.DateTimeField(_("contact data deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("company request")
        verbose_name_plural = _("company requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["campaign", "role", "status"], name="request_waiting")]

    def __str__(self):
        # No names here: titles appear in admin places that are not filtered per partner.
        return f"#{self.pk} {self.get_role_display()}"

    @property
    def is_host(self) -> bool:
        return self.role == Role.HOST


class Proposal(models.Model):
    """A suggested pair: a draft after a dry run, then sent; contact data flows only once both accepted."""

    seeker = models.ForeignKey(CompanyRequest, on_delete=models.CASCADE, related_name="as_seeker",
                               verbose_name=_("looking for company"))
    host = models.ForeignKey(CompanyRequest, on_delete=models.CASCADE, related_name="as_host",
                             verbose_name=_("offers company"))
    status = models.CharField(_("status"), max_length=10, choices=ProposalStatus.choices,
                              default=ProposalStatus.DRAFT, db_index=True)
    score = models.FloatField(_("score"), default=0)
    reasons = models.JSONField(_("reasons"), default=list)
    seeker_accepted = models.BooleanField(null=True, blank=True)
    host_accepted = models.BooleanField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    answer_by = models.DateTimeField(_("answer by"), null=True, blank=True)
    matched_at = models.DateTimeField(_("matched"), null=True, blank=True)
    feedback_asked_at = models.DateTimeField(_("feedback asked"), null=True, blank=True)
    seeker_outcome = models.CharField(_("outcome (seeker)"), max_length=14, choices=Outcome.choices, blank=True)
    host_outcome = models.CharField(_("outcome (host)"), max_length=14, choices=Outcome.choices, blank=True)
    seeker_reason = models.CharField(_("reason (seeker)"), max_length=2, blank=True)
    host_reason = models.CharField(_("reason (host)"), max_length=2, blank=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]

    def __str__(self):
        return f"#{self.pk} {self.get_status_display()}"

    def side(self, request_id: int) -> str:
        return "seeker" if request_id == self.seeker_id else "host"
