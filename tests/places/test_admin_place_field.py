"""Pages get their place in the admin like visitors do: a town, district or postcode, or a pin; no coordinates."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from appeals.models import AppealPage
from partners.models import PartnerPage
from places.gazetteer import place_resolve
from tandems.models import TandemPage

pytestmark = pytest.mark.django_db


def _edit_form(client, page) -> dict:
    """What the browser would post from the page editor as it stands (draft save)."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        else:
            data[name] = field.text if field.name == "textarea" else field.get("value", "")
    return data


def _save(client, page, **fields):
    data = {**_edit_form(client, page), **fields}
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_districts_and_postcodes_resolve_to_a_place():
    kalk = place_resolve(query="Köln-Kalk")
    assert kalk.name == "Köln-Kalk" and abs(kalk.longitude - 7.006) < 0.01
    assert place_resolve(query="koeln kalk") == kalk
    assert place_resolve(query="Köln-Kalkar") is None  # Kalkar is a town far away, not a district of Köln


def test_the_editor_shows_one_place_field_and_no_coordinates(client, partner_a, editor_a):
    client.force_login(editor_a)
    for page in (partner_a.appeal, partner_a.tandem, partner_a):
        html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert 'name="place_0"' in html and 'data-point-picker' in html, page
        assert 'name="latitude"' not in html and 'name="longitude"' not in html


@pytest.mark.parametrize(("typed", "town"), [("Köln-Kalk", "Köln-Kalk"), ("50667", "50667 Köln")])
def test_an_appeal_takes_a_district_or_postcode(client, partner_a, editor_a, typed, town):
    client.force_login(editor_a)
    response = _save(client, partner_a.appeal, place_0=typed, place_1="", place_2="")
    assert response.status_code == 302
    draft = AppealPage.objects.get(pk=partner_a.appeal.pk).get_latest_revision_as_object()
    assert draft.town == town and draft.latitude and draft.longitude


def test_a_pin_dropped_on_the_map_names_its_town(client, partner_a, staff):
    client.force_login(staff)
    assert _save(client, partner_a, place_0="", place_1="50.94", place_2="6.96").status_code == 302
    draft = PartnerPage.objects.get(pk=partner_a.pk).get_latest_revision_as_object()
    assert (draft.town, draft.latitude, draft.longitude) == ("Köln", 50.94, 6.96)


def test_an_appeal_that_would_be_missing_from_the_map_says_so_and_keeps_what_was_typed(client, partner_a, editor_a):
    client.force_login(editor_a)
    response = _save(client, partner_a.appeal, place_0="Nirgendwo-am-See", place_1="", place_2="",
                     title="Neuer Titel")
    html = response.content.decode()
    assert response.status_code == 200 and "Nirgendwo-am-See" in html and "Neuer Titel" in html
    assert "fehlt dieses Gesuch auf der Karte" in html
    assert AppealPage.objects.get(pk=partner_a.appeal.pk).get_latest_revision_as_object().title == "Appeal A"


def test_a_tandem_without_a_place_is_still_saved(client, partner_a, editor_a):
    client.force_login(editor_a)
    # The story is a StreamField the browser fills in with JavaScript; an empty one posts just its count.
    response = _save(client, partner_a.tandem, place_0="", place_1="", place_2="", **{"story-count": "0"})
    assert response.status_code == 302
    assert TandemPage.objects.get(pk=partner_a.tandem.pk).get_latest_revision_as_object().latitude is None
