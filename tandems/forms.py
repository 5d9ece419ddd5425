from django import forms
from django.utils.translation import gettext_lazy as _

from core.listing import ListingFilterForm
from intake.errors import IntakeRefused
from intake.services import photo_check
from intake.sniffing import SNIFF_BYTES
from partners.models import PartnerPage
from places.forms import PointField
from tips.forms import SpamGuardForm

from .models import TandemStatus
from .selectors import partner_choices

MAX_PHOTOS = 5


class TandemFilterForm(ListingFilterForm):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("any status")), *TandemStatus.choices])
    field_order = ["town", "status", "tag"]


class PhotosInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to MAX_PHOTOS photos, each checked by its first bytes and size before anything is stored."""

    widget = PhotosInput

    def clean(self, data, initial=None):
        files = [self.to_python(item) for item in (data or []) if item] if isinstance(data, list | tuple) else (
            [self.to_python(data)] if data else [])
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(_("Please choose at most %(count)d photos.") % {"count": MAX_PHOTOS})
        for photo in files:
            head = photo.read(SNIFF_BYTES)
            photo.seek(0)
            try:
                photo_check(head=head, size=photo.size)
            except IntakeRefused as error:
                raise forms.ValidationError(f"{photo.name}: {error.message}") from error
        return files


class TandemApplicationForm(SpamGuardForm):
    """A mentor applies for a tandem page with the newcomer's consent; the partner reviews the draft."""

    partner = forms.ModelChoiceField(
        label=_("Partner organisation (optional)"), queryset=PartnerPage.objects.none(), required=False,
        empty_label=_("I don't know: the network chooses one"))
    newcomer_name = forms.CharField(label=_("The newcomer's first name or a pseudonym"), max_length=50,
                                    widget=forms.TextInput(attrs={"dir": "auto"}))
    mentor_name = forms.CharField(label=_("Your first name or a pseudonym"), max_length=50,
                                  widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "given-name"}))
    place = PointField(label=_("Town"), help_text=_("Only the town is shown, never a street."))
    looking_for = forms.CharField(label=_("What are you looking for?"), max_length=300,
                                  help_text=_("For example: an apprenticeship as a carpenter in Cologne."),
                                  widget=forms.TextInput(attrs={"dir": "auto"}))
    languages = forms.CharField(label=_("Languages spoken (optional)"), max_length=200, required=False,
                                help_text=_("Separated by commas, for example: Arabic, German, English."),
                                widget=forms.TextInput(attrs={"dir": "auto"}))
    story = forms.CharField(label=_("Your story in a few sentences"), min_length=20, max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}))
    photos = PhotosField(label=_("Photos (optional)"), required=False, help_text=_(
        "Up to 5 photos (JPEG, PNG or HEIC). They are checked by the partner before anyone sees them. After an "
        "error, please choose them again."))
    email = forms.EmailField(label=_("Your e-mail"), max_length=254,
                             help_text=_("We write to you here. It is never shown on the page."),
                             widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}))
    consent = forms.BooleanField(label=_(
        "The newcomer agrees to this application and to a public page with first names, town, story and photos."),
        error_messages={"required": _("Please confirm the newcomer's consent: without it we make no page.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].widget.attrs["accept"] = "image/jpeg,image/png,image/heic"
        self.fields["partner"].queryset = partner_choices()

    def clean_place(self):
        place = self.cleaned_data.get("place")
        if place is None or not place.town:
            raise forms.ValidationError(_("Please choose your town from the list, or type a German postcode."))
        return place

    def clean_languages(self) -> list[str]:
        names = [name.strip()[:50] for name in self.cleaned_data.get("languages", "").split(",")]
        return [name for name in names if name][:10]
