"""The outbox: an e-mail exists exactly when its cause was committed, goes out once, and failures are visible."""

import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from outbox import runner
from outbox.models import EmailStatus, OutgoingEmail
from outbox.services import email_queue, outbox_deliver_due
from tests.services import free_port


def test_an_e_mail_queued_twice_under_one_key_is_sent_once(db, mailoutbox):
    with transaction.atomic():
        email_queue(to="eva@example.org", subject="Hallo\r\nBcc: x@example.org", body="Text", key="greeting-1")
        email_queue(to="eva@example.org", subject="Something else", body="Other", key="greeting-1")

    assert outbox_deliver_due() == 1
    assert outbox_deliver_due() == 0
    [message] = mailoutbox
    assert message.subject == "Hallo Bcc: x@example.org"  # no header can be smuggled in through a subject
    assert message.to == ["eva@example.org"] and message.extra_headers["Message-ID"].startswith("<outbox-")
    assert OutgoingEmail.objects.get().status == EmailStatus.SENT


def test_nothing_is_sent_for_work_that_was_rolled_back(db, mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        email_queue(to="eva@example.org", subject="Danke", body="Text", key="rolled-back")
        raise RuntimeError("the tip could not be stored")

    assert outbox_deliver_due() == 0 and not mailoutbox and not OutgoingEmail.objects.exists()


def test_an_address_the_server_refuses_is_tried_once_while_the_others_go_out(db, smtp_sink):
    smtp_sink.refused = {"nobody@example.org"}
    email_queue(to="nobody@example.org", subject="Danke", body="Text", key="refused")
    email_queue(to="eva@example.org", subject="Danke", body="Text", key="accepted")

    assert outbox_deliver_due() == 1
    assert outbox_deliver_due() == 0
    refused = OutgoingEmail.objects.get(key="refused")
    assert (refused.status, refused.attempts) == (EmailStatus.REFUSED, 1) and "550" in refused.last_error
    assert smtp_sink.recipients() == ["eva@example.org"]


def test_a_mail_server_outage_backs_off_then_gives_up_visibly(db, settings, staff, client):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", free_port(), False
    settings.OUTBOX_MAX_ATTEMPTS = 3
    email_queue(to="eva@example.org", subject="Danke", body="Text", key="outage")

    outbox_deliver_due()
    outbox_deliver_due()  # not due again yet: the first failure pushed the next attempt a minute back
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (EmailStatus.PENDING, 1)
    assert email.next_attempt_at > timezone.now() + timedelta(seconds=50)

    for _attempt in range(5):
        OutgoingEmail.objects.update(next_attempt_at=timezone.now())
        outbox_deliver_due()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.FAILED, 3)

    client.force_login(staff)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-outbox-undeliverable="1"' in dashboard
    listing = client.get(reverse("wagtailsnippets_outbox_outgoingemail:list") + "?status=failed").content.decode()
    assert "Danke" in listing


def test_a_send_abandoned_by_a_killed_worker_is_taken_again_once_stale_and_keeps_its_message_id(db, mailoutbox):
    email_queue(to="eva@example.org", subject="Danke", body="Text", key="abandoned")
    email_queue(to="jonas@example.org", subject="Danke", body="Text", key="in-flight")
    long_ago = timezone.now() - timedelta(hours=1)
    OutgoingEmail.objects.filter(key="abandoned").update(status=EmailStatus.SENDING, sending_since=long_ago,
                                                         attempts=1)
    OutgoingEmail.objects.filter(key="in-flight").update(status=EmailStatus.SENDING, sending_since=timezone.now(),
                                                         attempts=1)

    assert outbox_deliver_due() == 1  # the other is being sent right now by someone else: not sent twice
    [message] = mailoutbox
    abandoned = OutgoingEmail.objects.get(key="abandoned")
    assert message.to == ["eva@example.org"] and abandoned.attempts == 2
    stamp = int(abandoned.created_at.timestamp())
    assert message.extra_headers["Message-ID"] == f"<outbox-{abandoned.pk}-{stamp}@127.0.0.1>"


@pytest.fixture
def embedded_runner(settings):
    """The outbox as `make run` has it: no Redis, a thread in the web process."""
    settings.OUTBOX_RUNNER = "thread"
    yield
    settings.OUTBOX_RUNNER = "celery"
    runner.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_redis_a_thread_in_the_web_process_delivers_after_the_response(embedded_runner, mailoutbox, client):
    client.get("/healthz")  # any request starts the runner

    with transaction.atomic():
        email_queue(to="eva@example.org", subject="Danke", body="Text", key="embedded")
    deadline = time.monotonic() + 10
    while not mailoutbox and time.monotonic() < deadline:
        time.sleep(0.05)

    assert [message.to for message in mailoutbox] == [["eva@example.org"]]
    assert OutgoingEmail.objects.get().status == EmailStatus.SENT


def test_only_superusers_see_the_outbox(client, staff, editor_a, moderator_a):
    email_queue(to="eva@example.org", subject="Geheimer Betreff", body="Text", key="private")
    url = reverse("wagtailsnippets_outbox_outgoingemail:list")
    for user in (editor_a, moderator_a):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code in {302, 403} and "Geheimer Betreff" not in response.content.decode()
    client.force_login(staff)
    assert "Geheimer Betreff" in client.get(url).content.decode()
