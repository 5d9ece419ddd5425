"""The embedded default (`make run`: SQLite, no Redis, no worker) through the same mail faults.

Before, e-mails went out inside the request with SQLite's write lock held: with a 1-second SMTP delay 5 of 60
tips were lost to "database is locked", and with the mail server down nothing ever retried. Now the outbox's
thread in the web process sends after commit and sweeps on its own.
"""

import contextlib
import sqlite3
import time

import pytest

from tests.faults.stack import Visitors, report, sink_delivered, wait_until
from tests.faults.test_redis_faults import HANG

# These tests use their own SQLite portal; the mark only makes pytest-django set up the session's test database,
# which the suite's autouse fixtures read even when a run selects nothing else.
pytestmark = pytest.mark.django_db


def _count(database, sql: str, *params) -> int:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return db.execute(sql, params).fetchone()[0]


def _tips(portal, prefix: str) -> int:
    return _count(portal.database, "SELECT COUNT(*) FROM tips_tip WHERE message LIKE ?", prefix + "%")


def _waiting(portal) -> int:
    return _count(portal.database, "SELECT COUNT(*) FROM outbox_outgoingemail WHERE status IN ('pending', 'sending')")


def _finish(fault: str, visitors, portal, sink, prefix: str, expected: int, extra: str = "") -> None:
    assert wait_until(lambda: sink_delivered(sink)[0] >= expected and not _waiting(portal), seconds=90)
    stored = _tips(portal, prefix)
    delivered, duplicates = sink_delivered(sink)
    report(fault, visitors.tally, stored=stored, emailed=f"{delivered}/{expected}", duplicates=duplicates,
           extra=extra)
    assert not visitors.tally.server_errors(), visitors.tally.server_errors()
    assert visitors.tally.posted == stored
    assert (delivered, duplicates) == (expected, 0)
    assert visitors.tally.worst_wait < HANG


def _tip_form(portal, embedded_template) -> str:
    return f"/de/tips/appeal/{embedded_template['appeal']}/"


def test_sixty_tips_with_a_slow_mail_server_are_all_stored(embedded, embedded_template, smtp_sink):
    tips, visitors = 60, Visitors(embedded.url)
    smtp_sink.delay = 1.0
    visitors.give_tips(_tip_form(embedded, embedded_template), tips, prefix="Embedded slow", emails=False)
    smtp_sink.delay = 0.0  # the rest goes out at once

    _finish("SQLite default: SMTP slow, 1 s per e-mail, 60 tips", visitors, embedded, smtp_sink, "Embedded slow", tips)
    assert visitors.tally.posted == tips


def test_mail_server_down_then_back_and_refusing_one_address(embedded, embedded_template, smtp_sink):
    tips, visitors = 8, Visitors(embedded.url)
    smtp_sink.stop()
    smtp_sink.refused = {"visitor-3@example.org"}
    visitors.give_tips(_tip_form(embedded, embedded_template), tips, prefix="Embedded down")
    assert wait_until(lambda: not _count(embedded.database, "SELECT COUNT(*) FROM outbox_outgoingemail "
                                                            "WHERE attempts = 0"), seconds=60)  # all tried
    smtp_sink.start()

    _finish("SQLite default: SMTP down then back, one address refused", visitors, embedded, smtp_sink,
            "Embedded down", 2 * tips - 1, extra="refused address marked 'refused' at its first answer")
    refused_attempts = "SELECT attempts FROM outbox_outgoingemail WHERE status = 'refused'"
    attempts = _count(embedded.database, refused_attempts)  # 2: once while the server was down, once refused
    time.sleep(5)  # two more sweeps of the runner
    assert _count(embedded.database, refused_attempts) == attempts <= 2  # never tried again
    assert visitors.tally.posted == tips
