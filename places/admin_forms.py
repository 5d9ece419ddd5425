"""The place field of the admin's page forms: a town, district or postcode, or a pin, never typed coordinates."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.page_forms import AsciiSlugPageForm

from .forms import AdminPointWidget, PickedPlace, PointField
from .gazetteer import place_resolve


class PlacedPageForm(AsciiSlugPageForm):
    """For pages with a place (`places.models.Located`): "place" replaces town, latitude and longitude."""

    place = PointField(
        label=_("Place"), widget=AdminPointWidget,
        help_text=_("Type a town, a district (such as Köln-Kalk) or a postcode, or tap the map to drop a pin."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        self.initial.setdefault("place", PickedPlace(typed=page.town, town=page.town, latitude=page.latitude,
                                                     longitude=page.longitude))

    def clean(self):
        data = super().clean()
        if "place" in data:
            place = data["place"]
            self.instance.town = _editors_town(place)
            self.instance.latitude = place.latitude if place else None
            self.instance.longitude = place.longitude if place else None
        return data


class AppealPageForm(PlacedPageForm):
    """An appeal without a position would be missing from the map, from "near me" and from tip routing."""

    def clean(self):
        data = super().clean()
        if "place" in data and self.instance.latitude is None:
            town = data["place"].typed if data["place"] else ""
            message = (_("We do not know the place \"%(town)s\". ") % {"town": town}) if town else ""
            self.add_error("place", forms.ValidationError(
                message + _("Without a place this appeal is missing from the map and from \"near me\", and offers "
                            "nearby cannot reach it: type a town, district or postcode, or drop a pin."),
                code="no_position"))
        return data


def _editors_town(place: PickedPlace | None) -> str:
    """Editors name their own places: the gazetteer's name where one matches ("50667 Köln", "Köln-Kalk"),
    else their own words."""
    if not place:
        return ""
    known = place_resolve(query=place.typed) if place.typed else None
    return known.name if known else (place.typed or place.town)
