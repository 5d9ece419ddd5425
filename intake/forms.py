from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tandems.models import TandemPage

from .selectors import tandems_for_user


class UploadLinkForm(forms.Form):
    tandem = forms.ModelChoiceField(queryset=TandemPage.objects.none(), label=_("Tandem"))
    language = forms.ChoiceField(choices=settings.LANGUAGES, label=_("Language of the upload page"))
    days = forms.IntegerField(min_value=1, max_value=365, label=_("Valid for (days)"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only tandems in the user's own sections can be chosen; a forged id fails validation.
        # Uploads go to the German page (translations follow it), so each tandem is offered once, not per language.
        tandems = tandems_for_user(user=user)
        self.fields["tandem"].queryset = tandems.filter(locale__language_code=settings.LANGUAGE_CODE)
        self.fields["days"].initial = settings.INTAKE_LINK_DAYS


class ApproveForm(forms.Form):
    as_intro_video = forms.BooleanField(required=False, label=_("Use as the intro video"))
