"""The mail server down, slow or refusing an address, and the Celery worker killed mid-send (production set-up).

Every tip that got a thank-you page is stored; its e-mails (the partner's notification and the tipster's
thanks) go out once after the fault passes; a refused address is tried once and marked, never retried forever.
The test process runs the outbox sweep that Celery beat runs every minute in production.
"""

import signal
import time

import pytest
from django.urls import reverse
from django.utils import translation

from outbox.models import EmailStatus, OutgoingEmail
from outbox.services import outbox_deliver_due
from tests.faults.stack import Visitors, Worker, deliver_due_until, report, sink_delivered, wait_until
from tests.faults.test_redis_faults import HANG
from tips.models import Tip

pytestmark = pytest.mark.django_db(transaction=True)


def _tip_form(appeal) -> str:
    with translation.override("de"):
        return reverse("tips:appeal", args=[appeal.pk])


def _finish(fault: str, visitors: Visitors, sink, prefix: str, expected: int, extra: str = "") -> None:
    stored = Tip.objects.filter(message__startswith=prefix).count()
    delivered, duplicates = sink_delivered(sink)
    report(fault, visitors.tally, stored=stored, emailed=f"{delivered}/{expected}", duplicates=duplicates,
           extra=extra)
    assert not visitors.tally.server_errors(), visitors.tally.server_errors()
    assert visitors.tally.posted == stored
    assert (delivered, duplicates) == (expected, 0)
    assert visitors.tally.worst_wait < HANG


def test_mail_server_down_then_back(gunicorn, worker, smtp_sink, partner_a):
    tips, visitors = 8, Visitors(gunicorn.url)
    smtp_sink.stop()
    visitors.give_tips(_tip_form(partner_a.appeal), tips, prefix="SMTP down")
    assert wait_until(lambda: not OutgoingEmail.objects.filter(attempts=0).exists(), seconds=60)  # all tried
    smtp_sink.start()

    assert deliver_due_until(smtp_sink, 2 * tips)
    attempts = max(OutgoingEmail.objects.values_list("attempts", flat=True))
    _finish("SMTP down, then back (PostgreSQL, Celery)", visitors, smtp_sink, "SMTP down", 2 * tips,
            extra=f"at most {attempts} attempts per e-mail")


def test_slow_mail_server_never_slows_a_visitor(gunicorn, worker, smtp_sink, partner_a):
    tips, visitors = 6, Visitors(gunicorn.url)
    smtp_sink.delay = 1.0
    visitors.give_tips(_tip_form(partner_a.appeal), tips, prefix="SMTP slow")

    assert deliver_due_until(smtp_sink, 2 * tips, seconds=90)
    _finish("SMTP slow, 1 s per e-mail (PostgreSQL, Celery)", visitors, smtp_sink, "SMTP slow", 2 * tips)


def test_an_address_the_mail_server_refuses_is_tried_once_and_marked(gunicorn, worker, smtp_sink, partner_a):
    tips, visitors = 6, Visitors(gunicorn.url)
    smtp_sink.refused = {"visitor-3@example.org"}
    visitors.give_tips(_tip_form(partner_a.appeal), tips, prefix="SMTP refuses")

    assert deliver_due_until(smtp_sink, 2 * tips - 1)
    time.sleep(3)  # long enough for a retry, had there been one
    outbox_deliver_due()
    refused = OutgoingEmail.objects.get(recipients=["visitor-3@example.org"])
    assert (refused.status, refused.attempts) == (EmailStatus.REFUSED, 1)
    _finish("SMTP refuses one address (PostgreSQL, Celery)", visitors, smtp_sink, "SMTP refuses", 2 * tips - 1,
            extra="refused address: 1 attempt, marked 'refused'")


def test_worker_killed_mid_send_sends_each_e_mail_once(gunicorn, worker, smtp_sink, partner_a, production_env,
                                                       tmp_path):
    tips, visitors = 6, Visitors(gunicorn.url)
    smtp_sink.delay = 1.0  # each e-mail takes a second, so the kill lands inside an SMTP conversation
    visitors.give_tips(_tip_form(partner_a.appeal), tips, prefix="Worker killed")
    assert wait_until(lambda: OutgoingEmail.objects.filter(status=EmailStatus.SENDING).exists(), seconds=60)
    time.sleep(0.5)
    worker.kill(signal.SIGKILL)
    in_flight = OutgoingEmail.objects.filter(status=EmailStatus.SENDING).count()
    second = Worker(production_env, tmp_path / "worker-2.log")
    second.start()
    try:
        assert deliver_due_until(smtp_sink, 2 * tips, seconds=90)
    finally:
        second.stop()
    _finish("Celery worker SIGKILLed mid-send (PostgreSQL)", visitors, smtp_sink, "Worker killed", 2 * tips,
            extra=f"{in_flight} e-mail in flight at the kill")
