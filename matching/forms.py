"""The public sign-up forms ("I am looking for company", "I offer company") and the small answer forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.visitor_forms import TelInput, VisitorForm
from places.forms import PointField
from tips.forms import TipForm

from .models import MESSAGE_MAX_LENGTH
from .vocabulary import OFFER_LABELS, AgeBand, Feature, Kind, Language, NotHappenedReason, Outcome, Role


def travel_choices() -> list[tuple[int, str]]:
    """Worked out per form, in the visitor's language (a module-level list would freeze the first language)."""
    return [(km, _("up to %(km)d km") % {"km": km}) for km in (2, 5, 10, 20, 50)]


CAPACITY_CHOICES = [(number, str(number)) for number in range(1, 7)]
Checkboxes = forms.CheckboxSelectMultiple


class SignUpForm(VisitorForm):
    first_name = forms.CharField(label=_("First name or alias"), max_length=60,
                                 widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "given-name"}))
    age_band = forms.ChoiceField(label=_("Age"), choices=[("", "—"), *AgeBand.choices])
    place = PointField(label=_("Town or postcode"))
    travel_km = forms.TypedChoiceField(label=_("How far can you travel?"), choices=travel_choices, coerce=int,
                                       initial=10)
    kinds = forms.MultipleChoiceField(label=_("What kind of company?"), widget=Checkboxes)
    slots = forms.MultipleChoiceField(label=_("When?"), widget=Checkboxes)
    languages = forms.MultipleChoiceField(label=_("Languages you speak"), choices=Language.choices,
                                          widget=Checkboxes)
    needs = forms.MultipleChoiceField(label=_("What you need (optional)"), choices=Feature.choices,
                                      widget=Checkboxes, required=False)
    offers = forms.MultipleChoiceField(label=_("What you can offer (optional)"), required=False, widget=Checkboxes,
                                       choices=[(code, OFFER_LABELS[code]) for code in Feature.values])
    capacity = forms.TypedChoiceField(label=_("How many guests can you take?"), choices=CAPACITY_CHOICES, coerce=int,
                                      initial=1)
    message = forms.CharField(
        label=_("A few words for the other person (optional)"), max_length=MESSAGE_MAX_LENGTH, required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("No address or phone number here: contact data is passed on only when both of you agree."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False,
                            widget=TelInput(attrs={"dir": "ltr", "autocomplete": "tel"}))
    email = forms.EmailField(label=_("E-mail (optional with a phone number)"), required=False,
                             widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}))
    on_behalf = forms.BooleanField(label=_("I am signing up someone else (a relative, neighbour or client)"),
                                   required=False)
    helper_name = forms.CharField(label=_("Your name (if signing up someone else)"), max_length=120, required=False,
                                  widget=forms.TextInput(attrs={"dir": "auto"}))
    helper_contact = forms.CharField(label=_("Your phone or e-mail (if signing up someone else)"), max_length=120,
                                     required=False, widget=forms.TextInput(attrs={"dir": "ltr"}))
    consent = forms.BooleanField(label=_(
        "I agree that the partner organisation stores these details to find company, and shows first name, age, "
        "town and message to a proposed match. Phone and e-mail are passed on only when both agree."))
    # Spam defence as on the tip form: people never see "website"; "started" proves the form was loaded earlier.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    bot_reason = TipForm.bot_reason

    def __init__(self, *args, campaign, role: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.role = role
        self.fields["kinds"].choices = [(code, Kind(code).label) for code in campaign.kinds] or Kind.choices
        self.fields["slots"].choices = campaign.slot_choices()
        if role == Role.SEEKER:
            del self.fields["capacity"]
            self.fields["offers"].label = _("About you (optional)")
            # What a guest can offer the host: being a woman, no pet brought along, not smoking.
            self.fields["offers"].choices = [(code, OFFER_LABELS[code]) for code in
                                             (Feature.WOMEN_ONLY, Feature.NO_PETS, Feature.NON_SMOKING)]

    def clean_place(self):
        place = self.cleaned_data.get("place")
        if not place or place.latitude is None:
            raise forms.ValidationError(_("We do not know this place. Please type a town or a German postcode."))
        return place

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email"):
            self.add_error("phone", _("Please give a phone number or an e-mail address, so we can reach you."))
        if data.get("on_behalf") and not data.get("helper_contact"):
            self.add_error("helper_contact", _("Please tell us how to reach you, the person signing up."))
        return data


class OutcomeForm(VisitorForm):
    outcome = forms.ChoiceField(label=_("Did you meet?"), choices=Outcome.choices, widget=forms.RadioSelect)
    reason = forms.ChoiceField(label=_("If not, why? (optional)"), choices=NotHappenedReason.choices,
                               widget=forms.RadioSelect, required=False)


class RelayForm(VisitorForm):
    text = forms.CharField(
        label=_("Your message"), max_length=MESSAGE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=_("We pass it on by e-mail without your address. Agree on a time and a public place to meet."),
    )
