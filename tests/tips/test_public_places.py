"""A visitor's typed place stays private: in public a tip only ever shows a town from the gazetteer."""

import json

import pytest
from django.urls import reverse

from tips.models import Tip
from tips.services import tips_publish

from .conftest import form_data

pytestmark = pytest.mark.django_db
ADDRESS = "Musterstraße 5, 50667 Köln, Tel 0221 123456"


def _send(client, partner, **place):
    url = f"/de/tips/appeal/{partner.appeal.pk}/"
    client.post(url, form_data(client, url, **place))
    tip = Tip.objects.latest("pk")
    tip.public_text = "Eine Bäckerei sucht Azubis."
    tips_publish(tips=[tip])
    return tip


def _public_outputs(client, partner) -> str:
    features = json.loads(client.get("/api/map/tips.geojson").content)["features"]
    return client.get(partner.appeal.url).content.decode() + json.dumps(features, ensure_ascii=False)


@pytest.mark.parametrize(("typed", "pin", "public"), [
    (ADDRESS, ("", ""), ""),                       # unknown words: no public town, no pin
    (ADDRESS, ("50.94", "6.96"), "Köln"),          # words beside a pin: the pin's town
    ("50667", ("", ""), "Köln"),                   # a postcode: its town, not the finer postcode
    ("koeln", ("", ""), "Köln"),                   # a known town in the gazetteer's spelling
])
def test_the_public_town_is_a_gazetteer_town_and_the_typed_words_stay_private(
    client, partner_a, no_wait, typed, pin, public
):
    tip = _send(client, partner_a, place_0=typed, place_1=pin[0], place_2=pin[1])

    assert (tip.town, tip.place_typed) == (public, typed)
    shown = _public_outputs(client, partner_a)
    assert "Musterstraße" not in shown and "123456" not in shown and "50667" not in shown
    if public:
        assert public in shown


def test_staff_and_the_partner_read_the_typed_place_other_partners_do_not(
    client, partner_a, partner_b, no_wait, staff, editor_a, editor_b
):
    tip = _send(client, partner_a, place_0=ADDRESS)
    inspect = reverse("wagtailsnippets_tips_tip:inspect", args=[tip.pk])

    for user, sees in ((staff, True), (editor_a, True), (editor_b, False)):
        client.force_login(user)
        assert ("Musterstraße 5" in client.get(inspect).content.decode()) is sees


def test_a_moderator_corrects_the_place_with_a_known_town_only(client, partner_a, no_wait, moderator_a):
    tip = _send(client, partner_a, place_0=ADDRESS)
    client.force_login(moderator_a)
    edit = reverse("wagtailsnippets_tips_tip:edit", args=[tip.pk])
    fields = {"status": tip.status, "public_text": tip.public_text, "published": "on"}

    refused = client.post(edit, {**fields, "town": "Musterstraße 5"})
    tip.refresh_from_db()
    assert refused.status_code == 200 and tip.town == ""
    assert "Diesen Ort oder diese Postleitzahl kennen wir nicht" in refused.content.decode()  # the admin's German

    client.post(edit, {**fields, "town": "Köln"})
    tip.refresh_from_db()
    assert tip.town == "Köln" and tip.has_position and tip.place_typed == ADDRESS
    assert "Köln" in _public_outputs(client, partner_a)


def test_tips_stored_before_move_their_typed_town_out_of_public_view(partner_a):
    """The data migration: what is not a gazetteer town becomes private."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("tips.migrations.0002_i16a_tip_place_typed")
    typed = Tip.objects.create(kind="tip", message="abc", town=ADDRESS)
    known = Tip.objects.create(kind="tip", message="abc", town="Köln")
    migration.typed_towns_private(apps, None)
    typed.refresh_from_db()
    known.refresh_from_db()
    assert (typed.town, typed.place_typed) == ("", ADDRESS)
    assert (known.town, known.place_typed) == ("Köln", "")
