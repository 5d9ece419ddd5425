from django import forms
from django.utils.translation import gettext_lazy as _

from core.visitor_forms import VisitorForm


class AccessRequestForm(VisitorForm):
    email = forms.EmailField(
        label=_("Your e-mail address"), max_length=254,
        help_text=_("We send a link to this address. Only with it can anyone see what we hold about it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
