"""The place field of the admin's page forms: a town, district or postcode, or a pin, never typed coordinates."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .forms import AdminPointWidget, PointField


class PlacedPageForm(WagtailAdminPageForm):
    """For pages with a place (`places.models.Located`): "place" replaces town, latitude and longitude."""

    place = PointField(
        label=_("Place"), widget=AdminPointWidget,
        help_text=_("Type a town, a district (such as Köln-Kalk) or a postcode, or tap the map to drop a pin."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        self.initial.setdefault("place", (page.town, page.latitude, page.longitude))

    def clean(self):
        data = super().clean()
        if "place" in data:
            self.instance.town, self.instance.latitude, self.instance.longitude = data["place"]
        return data


class AppealPageForm(PlacedPageForm):
    """An appeal without a position would be missing from the map, from "near me" and from tip routing."""

    def clean(self):
        data = super().clean()
        if "place" in data and self.instance.latitude is None:
            town = data["place"][0]
            message = (_("We do not know the place \"%(town)s\". ") % {"town": town}) if town else ""
            self.add_error("place", forms.ValidationError(
                message + _("Without a place this appeal is missing from the map and from \"near me\", and offers "
                            "nearby cannot reach it: type a town, district or postcode, or drop a pin."),
                code="no_position"))
        return data
