"""The network's brand (colours, logo, tagline) and its legal pages: imprint and privacy notice."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

from .forms import OneRowPerLanguagePanel


def _luminance(colour: str) -> float:
    channels = [int(colour[index:index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of `colour` (#rrggbb) against white."""
    return 1.05 / (_luminance(colour) + 0.05)


hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Give a colour as # and six hex digits, e.g. #0b5d56."))


@register_setting(icon="site")
class NetworkSettings(ClusterableModel, BaseSiteSetting):
    name = models.CharField(_("network name"), max_length=80, default="Nahbar")
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("logo"),
    )
    tagline = models.CharField(
        _("tagline (default language)"), max_length=160, blank=True,
        help_text=_("In the site's default language. Pages in another language show their own tagline from "
                    "below, or this one while they have none."),
    )
    hashtag = models.CharField(
        _("campaign hashtag"), max_length=40, blank=True,
        validators=[RegexValidator(r"^#?\w+$", _("One word, letters, digits and _ only."))],
    )
    # Colours become CSS custom properties; both must keep text readable (contrast at least 4.5:1 on white).
    brand_colour = models.CharField(_("brand colour"), max_length=7, default="#0b5d56", validators=[hex_colour])
    accent_colour = models.CharField(_("accent colour"), max_length=7, default="#ffbf47", validators=[hex_colour])

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("tagline"),
        OneRowPerLanguagePanel("tagline_translations", heading=_("Tagline in other languages"),
                               label=_("tagline")),
        FieldPanel("hashtag"),
        FieldRowPanel([FieldPanel("brand_colour"), FieldPanel("accent_colour")], heading=_("Colours")),
    ]

    class Meta:
        verbose_name = _("network branding")

    def clean(self):
        super().clean()
        if hex_colour.regex.match(self.brand_colour or "") and contrast_on_white(self.brand_colour) < 4.5:
            raise ValidationError({"brand_colour": _(
                "Links and buttons use this colour on white: choose a darker one (contrast at least 4.5:1)."
            )})

    @classmethod
    def for_request(cls, request):
        # Every public page reads the branding: remembered until the next change (see pagecache).
        from pagecache.selectors import generation_memo

        attr_name = cls.get_cache_attr_name()
        site = None if hasattr(request, attr_name) else Site.find_for_request(request)
        if site is not None:
            network = generation_memo(name=f"network-settings:{site.pk}", compute=lambda: cls.for_site(site))
            network._request = request
            setattr(request, attr_name, network)
        return super().for_request(request)

    @property
    def hashtag_text(self) -> str:
        return f"#{self.hashtag.lstrip('#')}" if self.hashtag else ""


def other_content_languages() -> list[tuple[str, str]]:
    """The languages pages are written in, except the default one (its text lives on the setting itself)."""
    return [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]


class NetworkTaglineTranslation(models.Model):
    """The network's tagline in one language other than the default, for the footer of pages in that language."""

    network = ParentalKey(NetworkSettings, on_delete=models.CASCADE, related_name="tagline_translations")
    language_code = models.CharField(_("language"), max_length=12, choices=other_content_languages)
    tagline = models.CharField(_("tagline"), max_length=160)

    panels = [FieldRowPanel([FieldPanel("language_code"), FieldPanel("tagline")])]

    class Meta:
        verbose_name = _("tagline in another language")
        constraints = [
            models.UniqueConstraint(fields=["network", "language_code"], name="core_one_tagline_per_language"),
        ]

    def __str__(self):
        return f"{self.language_code}: {self.tagline}"


class LegalKind(models.TextChoices):
    IMPRINT = "imprint", _("imprint")
    PRIVACY = "privacy", _("privacy notice")


class LegalPage(Page):
    """The imprint or privacy notice of the network (under the home page) or of one partner (under its page).

    German law wants both on every site that takes personal data; each partner answers for the tips it
    receives, so its own pages link to its own notice and fall back to the network's while it has none.
    """

    kind = models.CharField(_("kind"), max_length=12, choices=LegalKind.choices)
    body = RichTextField(_("text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("kind"), FieldPanel("body")]
    parent_page_types = ["home.HomePage", "partners.PartnerPage"]
    subpage_types: list[str] = []
    template = "core/legal_page.html"

    class Meta:
        verbose_name = _("imprint or privacy notice")
