"""Tips and offers from visitors. The row is the source of truth; e-mails are queued from it."""

from django.conf import settings
from django.core.validators import MinLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from places.models import Located, round_to_public

MESSAGE_MAX_LENGTH = 2000


class TipKind(models.TextChoices):
    TIP = "tip", _("tip or hint")
    INTRODUCTION = "introduction", _("introduction to a contact")
    JOB = "job", _("job offer")
    APPRENTICESHIP = "apprenticeship", _("apprenticeship or internship offer")
    HELP = "help", _("offer of help or company")
    OTHER = "other", _("other")


class TipStatus(models.TextChoices):
    NEW = "new", _("new")
    IN_REVIEW = "in_review", _("in review")
    FORWARDED = "forwarded", _("forwarded to the tandem")
    USEFUL = "useful", _("useful")
    NOT_USEFUL = "not_useful", _("not useful")
    SPAM = "spam", _("spam")


class Tip(Located):
    """A visitor's tip on one appeal, or a general offer (no appeal) routed to a partner by place."""

    # Tips are correspondence, not content: no "usage" of a page should list them, and indexing each new tip's
    # links cost a visitor's request four more queries (and the index a row per tip).
    wagtail_reference_index_ignore = True

    kind = models.CharField(_("kind"), max_length=20, choices=TipKind.choices, default=TipKind.TIP)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH, validators=[MinLengthValidator(3)])
    employer = models.CharField(_("employer or organisation"), max_length=200, blank=True)
    appeal = models.ForeignKey(
        "appeals.AppealPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="tips",
        verbose_name=_("appeal"),
    )
    partner = models.ForeignKey(
        "partners.PartnerPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="tips",
        verbose_name=_("partner"),
    )
    # `town` (from Located) is public and only ever a gazetteer town; the visitor's own words stay here, private.
    place_typed = models.CharField(
        _("place as typed"), max_length=100, blank=True,
        help_text=_("The town or postcode as the visitor typed it. Only staff and the partner see it."),
    )
    # Contact data: shown only to staff and to the partner the tip belongs to.
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent = models.BooleanField(_("consent to be contacted"), default=False)

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="de")
    channel = models.CharField(_("channel"), max_length=40, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=TipStatus.choices, default=TipStatus.NEW, db_index=True
    )
    published = models.BooleanField(_("published"), default=False, db_index=True)
    public_text = models.TextField(
        _("public text"), max_length=MESSAGE_MAX_LENGTH, blank=True,
        help_text=_("What visitors see once published: no names, addresses or phone numbers."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("assigned to"),
    )
    # The tandem outcome this tip led to: its translation key, which stays the same across the tandem's
    # revisions and translations (row ids change when a revision is published).
    outcome_key = models.UUIDField(_("outcome caused"), null=True, blank=True, editable=False)
    notification_sent_at = models.DateTimeField(_("partner notified"), null=True, blank=True)
    acknowledgement_sent_at = models.DateTimeField(_("tipster acknowledged"), null=True, blank=True)
    # The form's one-time token: a form sent twice (an error page during an outage, a double click) is one tip.
    submission = models.CharField(max_length=32, unique=True, null=True, blank=True, editable=False)
    # Set by the retention job (privacy app) when contact data and free text were removed.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("tip")
        verbose_name_plural = _("tips")
        ordering = ["-created_at"]
        # Exactly the map's published, non-spam tips: the country-wide grid is counted from the index alone.
        indexes = [models.Index(fields=["latitude", "longitude"], name="tip_map_position",
                                condition=models.Q(published=True) & ~models.Q(status=TipStatus.SPAM))]

    def __str__(self):
        # No message or contact data here: titles appear in admin places that are not filtered per partner.
        return f"#{self.pk} {self.get_kind_display()}"

    @property
    def has_contact(self) -> bool:
        return bool(self.name or self.email or self.phone)

    @property
    def public_position(self) -> tuple[float, float] | None:
        if not self.has_position:
            return None
        return round_to_public(self.latitude), round_to_public(self.longitude)


class TipEventKind(models.TextChoices):
    NOTE = "note", _("internal note")
    STATUS = "status", _("status changed")
    ASSIGNED = "assigned", _("assigned")
    REPLY = "reply", _("reply to the tipster")
    FORWARD = "forward", _("forwarded to the mentor")
    OUTCOME = "outcome", _("outcome recorded")
    CONTACT_VIEWED = "contact_viewed", _("contact data opened")


class TipEvent(models.Model):
    """One line of a tip's history: what someone did with it, notes and sent e-mails included."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="events", verbose_name=_("tip"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", verbose_name=_("by"))
    kind = models.CharField(_("kind"), max_length=20, choices=TipEventKind.choices)
    text = models.TextField(_("text"), max_length=5000, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("tip history entry")
        verbose_name_plural = _("tip history")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.tip_id}"
