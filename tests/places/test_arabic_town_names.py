"""Arabic visitors type their town in Arabic script: the offline gazetteer finds it and keeps the German name."""

import pytest

from places.gazetteer import place_resolve


@pytest.mark.parametrize(("typed", "town"), [
    ("كولونيا", "Köln"), ("كولن", "Köln"), ("ميونيخ", "München"), ("فيينا", "Wien"), ("زيورخ", "Zürich"),
    ("آخن", "Aachen"), ("اخن", "Aachen"),  # with and without the hamza seat
    ("هالة", "Halle (Saale)"), ("هاله", "Halle (Saale)"),  # taa marbuta written either way
    ("  لايبزيغ ", "Leipzig"),
])
def test_an_arabic_town_name_resolves_to_the_town_under_its_german_name(typed, town):
    place = place_resolve(query=typed)

    assert place is not None and place.name == town


def test_an_arabic_word_that_is_no_town_stays_unknown():
    assert place_resolve(query="مدينة غير موجودة") is None


@pytest.mark.django_db
def test_near_me_on_the_arabic_map_finds_appeals_near_cologne(client, partner_a):
    html = client.get("/ar/tips/map/", {"town": "كولونيا"}).content.decode()

    assert 'id="near-heading"' in html and "Köln" in html  # the place was found, named as on German signs
    assert "tip-form__error" not in html
