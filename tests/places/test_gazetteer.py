"""Town or postcode to a point, offline; and the point-picker field's validation."""

import pytest

from places.forms import PickedPlace, PointField
from places.gazetteer import place_resolve
from places.geo import distance_km


@pytest.mark.parametrize(
    ("query", "name", "near"),
    [("Köln", "Köln", (50.94, 6.96)), ("KOELN", "Köln", (50.94, 6.96)), ("  münchen ", "München", (48.14, 11.58)),
     ("50667", "50667 Köln", (50.94, 6.94)), ("Wien", "Wien", (48.21, 16.37)), ("Zuerich", "Zürich", (47.37, 8.55)),
     ("4051 Basel", "Basel", (47.56, 7.57))],
)
def test_towns_and_postcodes_resolve(query, name, near):
    place = place_resolve(query=query)
    assert place.name == name and distance_km(place.latitude, place.longitude, *near) < 5


@pytest.mark.parametrize("query", ["Atlantis", "00000", "", "'; DROP TABLE--"])
def test_unknown_places_resolve_to_nothing(query):
    assert place_resolve(query=query) is None


def test_point_field_keeps_an_unknown_town_private_and_names_a_bare_pin():
    field = PointField()
    assert field.clean(["Kleinkleckersdorf", "", ""]) == PickedPlace("Kleinkleckersdorf", "", None, None)
    picked = field.clean(["", "50.94", "6.96"])
    assert picked.town == "Köln" and (picked.latitude, picked.longitude) == (50.94, 6.96)
    assert field.clean(["", "", ""]) is None


@pytest.mark.parametrize("value", [["", "91", "6"], ["", "50", "181"], ["", "50", ""], ["", "nan", "6"]])
def test_point_field_rejects_impossible_positions(value):
    from django import forms

    with pytest.raises(forms.ValidationError):
        PointField().clean(value)
