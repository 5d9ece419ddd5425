"""Visits counted on the server, per page, language, channel and day, with nothing about the visitor."""

import pytest
from django.utils import timezone

from reach.models import VisitDay

pytestmark = pytest.mark.django_db


def _counts():
    return {(row.page_id, row.language, row.channel): row.count for row in VisitDay.objects.all()}


def test_the_beacon_counts_each_page_language_and_channel_per_day(client, partner_a):
    appeal = partner_a.appeal
    for via in ("whatsapp", "WhatsApp", "", "poster"):
        response = client.post(f"/v/?p={appeal.pk}&l=de&via={via}")
        assert response.status_code == 204
    client.post(f"/v/?p={appeal.pk}&l=ar")

    assert _counts() == {(appeal.pk, "de", "whatsapp"): 2, (appeal.pk, "de", ""): 1, (appeal.pk, "de", "poster"): 1,
                         (appeal.pk, "ar", ""): 1}
    assert set(VisitDay.objects.values_list("day", flat=True)) == {timezone.localdate()}


def test_the_no_javascript_pixel_counts_too_and_nothing_is_cached_or_set(client, partner_a):
    response = client.get(f"/v/?p={partner_a.appeal.pk}&l=de")

    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert _counts() == {(partner_a.appeal.pk, "de", ""): 1}


def test_nothing_about_the_visitor_is_stored(client, partner_a):
    client.post(f"/v/?p={partner_a.appeal.pk}&l=de&via=x", HTTP_USER_AGENT="Secret/1.0", REMOTE_ADDR="203.0.113.9")

    stored = [str(value) for value in VisitDay.objects.values_list(flat=False).get()]
    assert not any("203.0.113" in value or "Secret" in value for value in stored)
    assert {field.name for field in VisitDay._meta.get_fields()} == {"id", "page", "language", "channel", "day",
                                                                     "count"}


@pytest.mark.parametrize("query", ["p=999999&l=de", "p={draft}&l=de", "p={appeal}&l=xx", "p=abc&l=de", "", "l=de"])
def test_odd_beacons_count_nothing_and_fail_quietly(client, partner_a, query):
    draft = partner_a.appeal.copy(update_attrs={"slug": "draft-appeal", "live": False})

    response = client.post("/v/?" + query.format(draft=draft.pk, appeal=partner_a.appeal.pk))

    assert response.status_code == 204 and not VisitDay.objects.exists()


def test_the_page_is_the_same_for_everyone_and_asks_the_browser_to_count(client, partner_a):
    first = client.get(f"{partner_a.appeal.url}?via=whatsapp").content.decode()
    second = client.get(partner_a.appeal.url).content.decode()

    assert f'data-page="{partner_a.appeal.pk}" data-language="de"' in first
    assert f'<img src="/v/?p={partner_a.appeal.pk}&amp;l=de"' in first  # counted without JavaScript too
    assert not VisitDay.objects.exists()  # rendering alone counts nothing: a cached page is counted the same
    assert first.count("via=whatsapp") == second.count("via=whatsapp")
