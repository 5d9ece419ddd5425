"""A tip form sent twice (after a 'send again' page, a timeout, a double click) stores one tip and one e-mail."""

import pytest

from outbox.models import OutgoingEmail
from tips.models import Tip

from .conftest import form_data
from .test_submit import tip_url

pytestmark = pytest.mark.django_db


def test_the_same_form_sent_twice_is_one_tip(client, partner_a, no_wait):
    url = tip_url(partner_a.appeal)
    data = form_data(client, url, email="eva@example.org", name="Eva", consent="on")

    first, second = client.post(url, data), client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert Tip.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2  # the partner's notification and Eva's thanks, once each


def test_each_form_opened_is_its_own_tip(client, partner_a, no_wait):
    url = tip_url(partner_a.appeal)
    for _ in range(2):
        client.post(url, form_data(client, url))

    assert Tip.objects.count() == 2


def test_a_forged_submission_token_is_ignored(client, partner_a, no_wait):
    url = tip_url(partner_a.appeal)
    for _ in range(2):
        client.post(url, form_data(client, url, submission="<script>"))

    assert Tip.objects.count() == 2 and not Tip.objects.exclude(submission=None).exists()
