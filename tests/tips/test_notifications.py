"""Partner notifications through the real Celery worker: queued after commit, swept after an outage, once each."""

import time
from datetime import timedelta

import pytest
from django.core import mail

from tips.models import Tip
from tips.services import tip_sweep

from .conftest import form_data


def _wait_for_outbox(count: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_tips_given_while_redis_is_down_are_kept_and_notified_exactly_once(
    client, celery_worker, redis_server, partner_a, partner_b, no_wait
):
    partner_a.notification_language = "en"
    partner_a.save(update_fields=["notification_language"])
    url_a, url_b = (f"/de/tips/appeal/{partner.appeal.pk}/" for partner in (partner_a, partner_b))
    data_a = form_data(client, url_a, email="eva@example.org", name="Eva", consent="on",
                       message="Ein Tipp <b>fett</b> für Amal")
    data_b = form_data(client, url_b, kind="help", message="Ich begleite gern zu Terminen.")

    redis_server.stop()
    for url, data in ((url_a, data_a), (url_b, data_b)):
        response = client.post(url, data)
        assert response.status_code == 302 and "/tips/thanks/" in response["Location"]
    assert Tip.objects.count() == 2 and not mail.outbox
    assert not Tip.objects.filter(notification_sent_at__isnull=False).exists()

    redis_server.start()
    # Two sweeps queue every e-mail twice: the row lock and the sent mark must still send each only once.
    tip_sweep(older_than=timedelta(0))
    tip_sweep(older_than=timedelta(0))
    _wait_for_outbox(3)
    time.sleep(2)  # room for any duplicate to arrive

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 3
    assert set(by_recipient) == {"eva@example.org", "tips@partner-a.example.org", "tips@partner-b.example.org"}
    assert not Tip.objects.filter(notification_sent_at__isnull=True).exists()
    to_a = by_recipient["tips@partner-a.example.org"]  # in partner A's language, English; plain text as typed
    assert to_a.subject.startswith("New tip") and "Ein Tipp <b>fett</b> für Amal" in to_a.body
    assert not to_a.alternatives and "Eva" in to_a.body and Tip.objects.get(partner=partner_a).language == "de"
