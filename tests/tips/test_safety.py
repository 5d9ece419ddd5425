"""Spam defence, plain text everywhere, and appeal pages that stay the same for every visitor."""

import json
import logging

import pytest
from django.core import mail
from django.urls import reverse

from tips.models import Tip
from tips.services import tips_publish

from .conftest import form_data

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "'; DROP TABLE tips_tip; --",
    "1' OR '1'='1",
    "Robert'); DELETE FROM wagtailcore_page;--",
    "{{ 7*7 }} {% debug %}",
]


def _url(partner):
    return f"/en/tips/appeal/{partner.appeal.pk}/"


def test_payloads_are_stored_verbatim_and_escaped_everywhere(
    client, partner_a, staff, no_wait, django_capture_on_commit_callbacks
):
    from outbox.services import outbox_deliver_due

    url = _url(partner_a)
    for payload in PAYLOADS:
        with django_capture_on_commit_callbacks(execute=False):
            client.post(url, form_data(client, url, message=f"Tip {payload}", employer=payload,
                                              place_0=payload, place_1="50.9", place_2="6.9"))
    tips = list(Tip.objects.order_by("pk"))
    assert [tip.message for tip in tips] == [f"Tip {payload}" for payload in PAYLOADS]
    for tip in tips:
        tip.public_text = tip.message
    assert tips_publish(tips=tips) == len(PAYLOADS)
    outbox_deliver_due()

    client.force_login(staff)
    pages = [client.get(partner_a.appeal.url).content.decode(),
             client.get(reverse("wagtailsnippets_tips_tip:list")).content.decode(),
             *(client.get(reverse("wagtailsnippets_tips_tip:inspect", args=[tip.pk])).content.decode()
               for tip in tips)]
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg/onload" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in pages[0]
    features = json.loads(client.get("/api/map/tips.geojson").content)["features"]
    assert {feature["properties"]["town"] for feature in features} == set(PAYLOADS)  # JSON strings, not HTML
    assert all(not getattr(message, "alternatives", None) for message in mail.outbox)  # plain text only
    assert Tip.objects.count() == len(PAYLOADS)  # the SQL payloads dropped nothing


def test_bots_are_logged_not_stored(client, partner_a, caplog, settings):
    settings.TIPS_MIN_SECONDS = 60
    url = _url(partner_a)
    with caplog.at_level(logging.INFO, logger="tips.views"):
        honeypot = client.post(url, form_data(client, url, website="http://spam.example"))
        too_fast = client.post(url, form_data(client, url))
        no_token = client.post(url, {"kind": "job", "message": "Buy now"})
    assert all(response.status_code == 302 for response in (honeypot, too_fast, no_token))
    assert not Tip.objects.exists()
    assert [record.getMessage().split("(")[1].split(")")[0] for record in caplog.records] == [
        "honeypot", "too-fast", "no-token"]


def test_rate_limit_answers_a_friendly_429(client, partner_a, settings, no_wait):
    settings.TIPS_RATE_LIMIT_COUNT = 2
    url = _url(partner_a)
    responses = [client.post(url, form_data(client, url)) for _ in range(3)]
    assert [response.status_code for response in responses] == [302, 302, 429]
    assert "try again in a few minutes" in responses[-1].content.decode()
    assert Tip.objects.count() == 2


def test_appeal_page_is_byte_identical_for_two_visitors(client, partner_a, django_user_model):
    from django.test import Client

    url = partner_a.appeal.url + "?via=whatsapp"
    first, second = Client().get(url), Client().get(url)
    assert first.status_code == 200 and first.content == second.content
    html = first.content.decode()
    assert "csrfmiddlewaretoken" not in html and not first.cookies
    assert f'action="/de/tips/appeal/{partner_a.appeal.pk}/"' in html and 'value="whatsapp"' in html


def test_published_tip_shows_on_the_appeal_page_without_contact_data(client, partner_a, no_wait):
    url = _url(partner_a)
    client.post(url, form_data(client, url, message="Bäckerei Schmitz sucht", name="Eva Geheim",
                               email="eva@example.org", consent="on"))
    tip = Tip.objects.get()
    assert tips_publish(tips=[tip]) == 0  # no public text yet: the raw message is never published
    tip.public_text = "Eine Bäckerei in Köln sucht Azubis."
    assert tips_publish(tips=[tip]) == 1
    html = client.get(partner_a.appeal.url).content.decode()
    assert "Eine Bäckerei in Köln sucht Azubis." in html
    assert "Eva Geheim" not in html and "eva@example.org" not in html
