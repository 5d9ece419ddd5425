from django import forms
from django.utils.translation import gettext_lazy as _

from core.listing import ListingFilterForm

from .models import AppealCategory


class AppealFilterForm(ListingFilterForm):
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("all categories")), *AppealCategory.choices])
    field_order = ["town", "category", "tag"]
