"""A point picker without GeoDjango: a town-or-postcode field plus hidden latitude/longitude.

Without JavaScript the town field is enough (the offline gazetteer resolves it); static/js/point-picker.js
adds a Leaflet map to drop a pin and a "use my location" button, which fill the hidden inputs.
"""

import math
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from .gazetteer import place_public_town, place_resolve


@dataclass(frozen=True)
class PickedPlace:
    """What the point picker gives: the visitor's own words (private: they may hold a street or a phone
    number) and the gazetteer town that may be shown in public ("" when the words are no known place)."""

    typed: str
    town: str
    latitude: float | None
    longitude: float | None


class PointWidget(forms.MultiWidget):
    template_name = "places/widgets/point.html"

    def __init__(self, attrs=None):
        town_attrs = {"autocomplete": "address-level2", "maxlength": 100, **(attrs or {})}
        super().__init__([forms.TextInput(town_attrs), forms.HiddenInput(), forms.HiddenInput()])

    def decompress(self, value):
        return [value.typed or value.town, value.latitude, value.longitude] if value else ["", None, None]

    class Media:
        js = [forms.Script("js/point-picker.js", defer=True)]

    def id_for_label(self, id_):
        # Django's MultiWidget gives no id here, so the field's <label> pointed at nothing: tie it to the town.
        return f"{id_}_0" if id_ else id_


class PointField(forms.MultiValueField):
    """Cleans to a PickedPlace (or None when left empty); a known town or postcode fills in missing
    coordinates."""

    widget = PointWidget
    default_error_messages = {
        "range": _("The position on the map is outside the world: latitude -90 to 90, longitude -180 to 180."),
        "half": _("The position on the map is incomplete; drop the pin again or type a town."),
    }

    def __init__(self, **kwargs):
        fields = [forms.CharField(max_length=100, required=False), forms.FloatField(required=False),
                  forms.FloatField(required=False)]
        super().__init__(fields, require_all_fields=False, required=False, **kwargs)

    def compress(self, data_list):
        town, latitude, longitude = (list(data_list) + ["", None, None])[:3]
        town = (town or "").strip()
        if (latitude is None) != (longitude is None):
            raise forms.ValidationError(self.error_messages["half"], code="half")
        if latitude is not None:
            if not (math.isfinite(latitude) and math.isfinite(longitude)
                    and -90 <= latitude <= 90 and -180 <= longitude <= 180):
                raise forms.ValidationError(self.error_messages["range"], code="range")
        elif not town:
            return None
        elif place := place_resolve(query=town):
            latitude, longitude = place.latitude, place.longitude
            return PickedPlace(typed=town, town=place_public_town(typed=town), latitude=latitude, longitude=longitude)
        # An unknown town keeps no pin and no public town: only the partner reads the words as typed.
        public = place_public_town(typed=town, latitude=latitude, longitude=longitude)
        return PickedPlace(typed=town, town=public, latitude=latitude, longitude=longitude)


class AdminPointWidget(PointWidget):
    """The same picker in the Wagtail admin, which loads no Leaflet of its own."""

    template_name = "places/widgets/point_admin.html"

    class Media:
        css = {"all": ["css/point-picker-admin.css"]}
