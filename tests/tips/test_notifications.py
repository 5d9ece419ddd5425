"""Tip e-mails through the outbox and the real Celery worker: stored with the tip, sent once, never lost."""

import time

import pytest
from django.core import mail

from outbox.models import EmailStatus, OutgoingEmail
from outbox.services import outbox_deliver_due, outbox_dispatch
from tips.models import Tip

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
    assert Tip.objects.count() == 2 and OutgoingEmail.objects.count() == 3 and not mail.outbox
    assert not Tip.objects.filter(notification_sent_at__isnull=False).exists()

    redis_server.start()
    # Every e-mail handed to the worker twice, and a sweep on top: each must still go out only once.
    for email_id in OutgoingEmail.objects.values_list("pk", flat=True):
        outbox_dispatch(email_id)
        outbox_dispatch(email_id)
    outbox_deliver_due()
    _wait_for_outbox(3)
    time.sleep(2)  # room for any duplicate to arrive

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 3
    assert set(by_recipient) == {"eva@example.org", "tips@partner-a.example.org", "tips@partner-b.example.org"}
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {EmailStatus.SENT}
    assert not Tip.objects.filter(notification_sent_at__isnull=True).exists()
    assert Tip.objects.get(partner=partner_a).acknowledgement_sent_at is not None
    to_a = by_recipient["tips@partner-a.example.org"]  # in partner A's language, English; plain text as typed
    assert to_a.subject.startswith("New tip") and "Ein Tipp <b>fett</b> für Amal" in to_a.body
    assert not getattr(to_a, "alternatives", None) and "Eva" in to_a.body
    assert Tip.objects.get(partner=partner_a).language == "de"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_tip_is_e_mailed_by_the_worker_right_after_it_is_stored(client, celery_worker, partner_a, no_wait):
    url = f"/de/tips/appeal/{partner_a.appeal.pk}/"
    client.post(url, form_data(client, url))

    _wait_for_outbox(1)
    assert [message.to for message in mail.outbox] == [["tips@partner-a.example.org"]]


def test_an_offer_no_partner_covers_reaches_staff_users_when_no_staff_address_is_set(
    client, staff, partner_a, no_wait, settings, mailoutbox
):
    settings.TIPS_STAFF_EMAIL = ""
    staff.email = "team@nahbar.example.org"
    staff.save(update_fields=["email"])
    url = "/de/tips/offer/"
    client.post(url, form_data(client, url, kind="help", place_0="Berlin", email="eva@example.org",
                               consent="on"))

    outbox_deliver_due()
    tip = Tip.objects.get()
    assert (tip.partner, sorted(message.to[0] for message in mailoutbox)) == \
        (None, ["eva@example.org", "team@nahbar.example.org"])
    assert tip.notification_sent_at is not None


def test_a_tip_nobody_could_be_told_of_is_never_marked_notified_nor_claimed_passed_on(
    client, partner_a, no_wait, settings, mailoutbox
):
    settings.TIPS_STAFF_EMAIL = ""  # and no staff user has an address
    url = "/en/tips/offer/"
    client.post(url, form_data(client, url, kind="help", place_0="Berlin", email="eva@example.org",
                               consent="on"))

    outbox_deliver_due()
    tip = Tip.objects.get()
    [thanks] = mailoutbox
    assert tip.notification_sent_at is None and tip.acknowledgement_sent_at is not None
    assert "reached the partner" not in thanks.body and "We have received it" in thanks.body
