"""The tip limit counts each visitor, not the proxy everyone comes through, and only tips that were taken."""

import pytest

from tips.models import Tip

from .conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit_two(settings, no_wait):
    settings.TIPS_RATE_LIMIT_COUNT = 2
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]


def _post(client, partner, *, forwarded: str = "", **fields):
    url = f"/en/tips/appeal/{partner.appeal.pk}/"
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.post(url, form_data(client, url, **fields), **extra)


def test_visitors_behind_our_proxy_are_counted_one_by_one(client, partner_a, limit_two):
    statuses = [_post(client, partner_a, forwarded="203.0.113.7").status_code for _ in range(3)]
    others = [_post(client, partner_a, forwarded=f"198.51.100.{n}, 10.1.2.3").status_code for n in range(5)]

    assert statuses == [302, 302, 429] and others == [302] * 5
    assert Tip.objects.count() == 7


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(client, partner_a, limit_two, settings):
    settings.TRUSTED_PROXIES = []  # the visitor talks to us directly: the header is theirs, not a proxy's

    statuses = [_post(client, partner_a, forwarded=f"192.0.2.{n}").status_code for n in range(3)]

    assert statuses == [302, 302, 429]


def test_the_leftmost_entries_written_by_the_client_are_not_trusted(client, partner_a, limit_two):
    statuses = [_post(client, partner_a, forwarded=f"192.0.2.{n}, 203.0.113.9").status_code for n in range(3)]

    assert statuses == [302, 302, 429]


def test_refused_posts_do_not_count(client, partner_a, limit_two):
    for _ in range(5):
        assert _post(client, partner_a, message="x").status_code == 200  # too short: the form comes back
    assert [_post(client, partner_a).status_code for _ in range(2)] == [302, 302]


def test_the_please_wait_page_keeps_everything_typed(client, partner_a, limit_two):
    _post(client, partner_a)
    _post(client, partner_a)

    response = _post(client, partner_a, message="Mein langer Tipp über die Bäckerei", name="Eva", email="eva@x.de",
                     consent="on", place_0="Köln")

    assert response.status_code == 429 and Tip.objects.count() == 2
    html = response.content.decode()
    assert "try again in a few minutes" in html and "What you wrote is still here" in html
    assert "Mein langer Tipp über die Bäckerei</textarea>" in html
    assert 'value="Eva"' in html and 'value="eva@x.de"' in html and 'value="Köln"' in html
