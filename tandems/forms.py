from django import forms
from django.utils.translation import gettext_lazy as _

from core.listing import ListingFilterForm

from .models import TandemStatus


class TandemFilterForm(ListingFilterForm):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("any status")), *TandemStatus.choices])
    field_order = ["town", "status", "tag"]
