from django import forms
from django.utils.translation import gettext_lazy as _

from core.visitor_forms import VisitorForm
from places.gazetteer import Place, place_nearest_town


class NearMeForm(VisitorForm):
    """"Near me" by town or postcode (works without JavaScript) or by the browser's position."""

    unknown_town_message = _("We do not know this town or postcode. Try the nearest larger town.")

    town = forms.CharField(label=_("Town or postcode"), max_length=100, required=False,
                           widget=forms.TextInput(attrs={"dir": "auto"}))
    category = forms.ChoiceField(label=_("Category"), required=False)
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("all categories")), *categories]

    def clean(self):
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        data["place"] = None
        if lat is not None and lon is not None:
            town = place_nearest_town(latitude=lat, longitude=lon)
            data["place"] = Place(town.name, lat, lon)
        return data
