"""The visitor's tip form. Spam checks (honeypot, minimum time) live here so every view shares them."""

import re
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from core.visitor_forms import TelInput, VisitorForm
from places.forms import PointField

from .models import MESSAGE_MAX_LENGTH, Tip, TipKind

STARTED_SALT = "tips.form-started"
CHANNEL = re.compile(r"[^a-z0-9_.-]+")
SUBMISSION = re.compile(r"[A-Za-z0-9_-]{16,32}")


def channel_clean(value: str) -> str:
    """`?via=WhatsApp` and `utm_source=whatsapp` both become "whatsapp"; anything odd is squeezed out."""
    return CHANNEL.sub("", (value or "").strip().lower())[:40]


def submission_token() -> str:
    """One per rendered form: sending the same form again (after an error page, a double click) stores one tip."""
    return secrets.token_urlsafe(18)


def started_token() -> str:
    """The same for everyone in the same second: it never makes a cached page per-visitor."""
    return signing.dumps(int(time.time()), salt=STARTED_SALT)


class SpamGuardForm(VisitorForm):
    """The public forms' spam defence: people never see "website"; "started" proves the form was loaded a
    moment ago. A form that inherits this asks `bot_reason()` before it validates anything."""

    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def bot_reason(self) -> str | None:
        """Why this looks like a bot, or None. Asked before validation so bots learn nothing from errors."""
        if self.data.get("website"):
            return "honeypot"
        try:
            started = signing.loads(self.data.get("started", ""), salt=STARTED_SALT, max_age=settings.TIPS_FORM_MAX_AGE)
        except signing.SignatureExpired:
            return None  # a human who left the tab open overnight
        except (signing.BadSignature, ValueError):
            return "no-token"
        return "too-fast" if time.time() - float(started) < settings.TIPS_MIN_SECONDS else None


class TipForm(SpamGuardForm):
    kind = forms.ChoiceField(label=_("What do you have?"), choices=TipKind.choices, initial=TipKind.TIP)
    message = forms.CharField(
        label=_("Your tip or offer"), max_length=MESSAGE_MAX_LENGTH, min_length=3,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=_("Plain text. Please do not write other people's contact data here."),
    )
    # Typed text takes its direction from its first letters: Arabic in a German form, German in an Arabic one.
    employer = forms.CharField(label=_("Employer or organisation (optional)"), max_length=200, required=False,
                               widget=forms.TextInput(attrs={"dir": "auto"}))
    place = PointField(label=_("Town or postcode (optional)"))
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False,
                           widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "name"}))
    # The column's length, not the form default of 320: a longer address used to pass and then lose the tip.
    email = forms.EmailField(label=_("Your e-mail (optional)"), required=False,
                             max_length=Tip._meta.get_field("email").max_length,
                             widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}))
    phone = forms.CharField(label=_("Your phone (optional)"), max_length=40, required=False,
                            widget=TelInput(attrs={"dir": "ltr", "autocomplete": "tel"}))
    consent = forms.BooleanField(
        label=_("I agree that the partner organisation may contact me about this tip."), required=False
    )
    via = forms.CharField(required=False, widget=forms.HiddenInput)
    submission = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_via(self) -> str:
        return channel_clean(self.cleaned_data.get("via", ""))

    def clean_submission(self) -> str:
        value = self.cleaned_data.get("submission", "")
        return value if SUBMISSION.fullmatch(value) else ""

    def clean(self):
        data = super().clean()
        if (data.get("name") or data.get("email") or data.get("phone")) and not data.get("consent"):
            self.add_error("consent", _("Please agree to be contacted, or leave name, e-mail and phone empty."))
        return data
