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
    url_a, url_b = (f"/de/tips/appeal/{partner.appeal.pk}/" for partner in (partner_a, partner_b))
    data_a = form_data(client, url_a, email="eva@example.org", name="Eva", consent="on")
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

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["eva@example.org", "tips@partner-a.example.org", "tips@partner-b.example.org"]
    assert not Tip.objects.filter(notification_sent_at__isnull=True).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_notification_goes_out_after_commit_in_the_partners_language(client, celery_worker, partner_a, no_wait):
    partner_a.notification_language = "en"
    partner_a.save(update_fields=["notification_language"])
    url = f"/de/tips/appeal/{partner_a.appeal.pk}/"
    client.post(url, form_data(client, url, message="Ein Tipp <b>fett</b> für Amal"))
    _wait_for_outbox(1)
    (message,) = mail.outbox
    assert message.to == ["tips@partner-a.example.org"] and message.subject.startswith("New tip")
    assert "Ein Tipp <b>fett</b> für Amal" in message.body and not message.alternatives  # plain text only
    assert Tip.objects.get().language == "de"
