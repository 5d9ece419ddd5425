from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.pages import ServedPage
from places.admin_forms import PlacedPageForm
from places.models import Located

SETTINGS_PERMISSION = "partners.change_partner_settings"
# Set by onboarding, never by an edit: a revision saved before onboarding must not undo them when published.
SYSTEM_FIELDS = ("editors_group_id", "moderators_group_id", "collection_id")


class PartnerPage(Located, ServedPage):
    """One partner organisation. Its subtree is the partner's own section, edited by its own group."""

    short_description = models.TextField(_("short description"), max_length=600, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("logo"),
    )
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=40, blank=True)
    region = models.CharField(_("region served"), max_length=200, blank=True)
    # Not shown to visitors: where tips for this partner are sent, and in which language.
    notification_email = models.EmailField(_("e-mail for new tips"), blank=True)
    notification_language = models.CharField(
        _("language of notifications"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    tips_digest = models.BooleanField(
        _("daily digest of tips"), default=False,
        help_text=_("Once a day, an e-mail listing the tips still new or unassigned."),
    )
    company_relay = models.BooleanField(
        _("relay messages between matched people"), default=False,
        help_text=_("When two people you matched both said yes, they write to each other through the portal "
                    "instead of receiving each other's phone number and e-mail address."),
    )
    # Where the partner arranges company (matching): requests whose place lies within the circle are its own.
    service_latitude = models.FloatField(_("service area: centre latitude"), null=True, blank=True)
    service_longitude = models.FloatField(_("service area: centre longitude"), null=True, blank=True)
    service_radius_km = models.PositiveSmallIntegerField(_("service area: radius (km)"), default=0, blank=True)
    trusted_to_publish = models.BooleanField(
        _("trusted to publish"),
        default=False,
        help_text=_("Trusted partners publish directly; others submit pages for approval."),
    )
    editors_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    moderators_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("short_description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("public_email"), FieldPanel("public_phone"), FieldPanel("region")],
            heading=_("Public contact"),
        ),
        MultiFieldPanel([FieldPanel("place")], heading=_("Place")),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            # Partners must not grant themselves publishing or redirect tips: the form leaves these fields
            # out for anyone without the permission (staff have it), so a forged POST cannot set them either.
            [FieldPanel(name, permission=SETTINGS_PERMISSION)
             for name in ("notification_email", "notification_language", "trusted_to_publish")],
            heading=_("Partner settings"),
        ),
        FieldPanel("tips_digest"),
        FieldPanel("company_relay"),
        MultiFieldPanel(
            [FieldPanel(name, permission=SETTINGS_PERMISSION)
             for name in ("service_latitude", "service_longitude", "service_radius_km")],
            heading=_("Service area for company requests"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("short_description"), index.SearchField("region")]
    base_form_class = PlacedPageForm
    parent_page_types = ["home.HomePage"]
    serve_select_related = ("logo",)
    subpage_types = ["tandems.TandemPage", "appeals.AppealPage", "matching.CompanyCampaignPage", "core.LegalPage"]

    class Meta:
        verbose_name = _("partner organisation")
        permissions = [("change_partner_settings", _("Can change a partner's trust and notification settings"))]

    def clean(self):
        super().clean()
        if self.service_radius_km is None:  # left empty in the form: no service area
            self.service_radius_km = 0

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for field in SYSTEM_FIELDS:
            setattr(page, field, getattr(self, field))
        return page

    def get_context(self, request, *args, **kwargs):
        from .selectors import partner_section

        context = super().get_context(request, *args, **kwargs)
        context["partner"] = self
        context.update(partner_section(partner=self))
        return context
