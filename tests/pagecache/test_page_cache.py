"""Anonymous page views come from the shared page cache; nothing per-visitor is ever stored, and every
change visitors would see makes the cache stale at once."""

import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from core.drafts import draft_share_token
from core.factories import ImageFactory
from core.models import NetworkSettings
from tests.localization.conftest import translate_page
from tips.models import Tip, TipStatus
from tips.services import tips_publish

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_view_is_a_hit_with_headers_for_a_proxy(client, partner_a):
    first = client.get(partner_a.appeal.url)
    second = client.get(partner_a.appeal.url)

    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert second.content == first.content and partner_a.appeal.title in second.content.decode()
    for response in (first, second):
        control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", "max-age=0", "s-maxage=1"} <= control
        assert response["Vary"] == "Accept-Encoding"
        assert not response.cookies
    assert second["Content-Language"] == "de"


def test_tracking_parameters_share_a_copy_while_channel_and_filters_get_their_own(client, partner_a):
    url = partner_a.appeal.url
    client.get(url)
    assert client.get(f"{url}?utm_campaign=tv&utm_medium=spot&fbclid=abc")["X-Cache"] == "hit"

    radio = client.get(f"{url}?via=radio")
    assert radio["X-Cache"] == "miss" and 'name="via" value="radio"' in radio.content.decode()
    assert 'name="via"' not in client.get(url).content.decode()
    assert client.get(f"{url}?utm_source=zeitung")["X-Cache"] == "miss"  # carried to the tip form as its channel


def test_signed_in_people_never_get_or_leave_a_cached_copy(client, partner_a, staff):
    client.force_login(staff)
    mine = client.get(partner_a.appeal.url)
    assert "X-Cache" not in mine and "private" in mine["Cache-Control"]
    client.logout()

    anonymous = client.get(partner_a.appeal.url)
    assert anonymous["X-Cache"] == "miss" and "wagtail-userbar" not in anonymous.content.decode()


def test_the_tip_form_with_its_signed_start_time_is_never_cached(client, partner_a):
    url = reverse("tips:appeal", args=[partner_a.appeal.pk])
    for response in (client.get(url), client.get(url)):
        assert "X-Cache" not in response
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
        assert 'name="started"' in response.content.decode()


def test_a_shared_draft_link_neither_reads_nor_fills_the_cache(client, partner_a):
    appeal = partner_a.appeal
    client.get(appeal.url)
    appeal.title = "Draft title nobody may see yet"
    appeal.save_revision()

    draft = client.get(reverse("shared_draft", args=[draft_share_token(page=appeal)]))
    assert "Draft title nobody may see yet" in draft.content.decode() and "X-Cache" not in draft
    live = client.get(appeal.url)
    assert "Draft title nobody may see yet" not in live.content.decode()


def test_publishing_unpublishing_and_moving_show_at_once(client, partner_a, partner_b):
    appeal = partner_a.appeal
    client.get(appeal.url)
    home = client.get("/de/")
    assert home.status_code == 200

    appeal.title = "Neu: Ausbildung als Elektriker"
    appeal.save_revision().publish()
    assert "Neu: Ausbildung als Elektriker" in client.get(appeal.url).content.decode()

    appeal.move(partner_b, pos="last-child")
    appeal.refresh_from_db()
    assert client.get(appeal.url)["X-Cache"] == "miss"
    assert "Partner B e.V." in client.get(appeal.url).content.decode()

    appeal.unpublish()
    assert client.get(appeal.url).status_code == 404


def test_scheduled_publishing_shows_when_it_goes_live(client, partner_a):
    appeal = partner_a.appeal
    client.get(appeal.url)
    appeal.title = "Ab heute: Praktikum"
    revision = appeal.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=1))
    assert revision.approved_go_live_at
    assert "Ab heute: Praktikum" not in client.get(appeal.url).content.decode()

    call_command("publish_scheduled")
    assert "Ab heute: Praktikum" in client.get(appeal.url).content.decode()


def test_a_translation_going_live_shows_in_every_language(client, partner_a):
    appeal = partner_a.appeal
    assert 'hreflang="en" href' not in client.get(appeal.url).content.decode()

    english = translate_page(appeal, "en", title="Appeal A in English")
    assert client.get(english.url)["X-Cache"] == "miss"
    assert f'hreflang="en" href="http://testserver{english.url}"' in client.get(appeal.url).content.decode()


def test_branding_and_a_partner_logo_show_at_once(client, partner_a):
    client.get(partner_a.appeal.url)
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    network.name = "Netzwerk Nachbarschaft"
    network.save()
    assert "Netzwerk Nachbarschaft" in client.get(partner_a.appeal.url).content.decode()

    partner_a.logo = ImageFactory(collection=partner_a.collection, title="Logo A")
    partner_a.save_revision().publish()
    assert 'alt="Partner A e.V."' in client.get(partner_a.appeal.url).content.decode()


def test_a_newly_published_tip_is_quoted_at_once(client, partner_a):
    appeal = partner_a.appeal
    tip = Tip.objects.create(appeal=appeal, partner=partner_a, kind="job", message="raw", town="Köln",
                             public_text="Eine Bäckerei in Ehrenfeld bildet aus.", status=TipStatus.USEFUL,
                             language="de")
    client.get(appeal.url)
    assert "Eine Bäckerei in Ehrenfeld" not in client.get(appeal.url).content.decode()

    tips_publish(tips=[tip])
    assert "Eine Bäckerei in Ehrenfeld" in client.get(appeal.url).content.decode()


def test_pages_render_normally_when_the_page_cache_is_down_or_hangs(client, partner_a, settings):
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(8)  # accepts connections, never answers
    location = f"redis://127.0.0.1:{hung.getsockname()[1]}/0"
    settings.CACHES = {**settings.CACHES, "pages": {  # the shipped backend, with the shared breaker
        "BACKEND": "core.cache.FailOpenRedisCache", "LOCATION": location,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
    try:
        for _ in range(3):  # after the first timeout the cache is left alone for a while
            response = client.get(partner_a.appeal.url)
            assert response.status_code == 200 and "X-Cache" not in response
            assert partner_a.appeal.title in response.content.decode()
    finally:
        hung.close()
