"""Delivery without Redis: one thread per web process sends what is due, woken after each commit.

It also sweeps every OUTBOX_SWEEP_SECONDS, so retries after a mail-server outage need no beat process.
It starts with the first request (not at import), so management commands never start it.
"""

import logging
import threading

from django.conf import settings
from django.core.signals import request_started
from django.db import close_old_connections, connection

logger = logging.getLogger(__name__)

_wake = threading.Event()
_lock = threading.Lock()
_thread: threading.Thread | None = None


def connect() -> None:
    request_started.connect(_on_request, dispatch_uid="outbox-runner")


def _on_request(**_kwargs) -> None:
    if settings.OUTBOX_RUNNER == "thread":
        ensure_started()


def ensure_started() -> None:
    global _thread
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_loop, name="outbox-runner", daemon=True)
            _thread.start()


def wake() -> None:
    ensure_started()
    _wake.set()


def stop() -> None:
    """Let a running thread see a changed OUTBOX_RUNNER at once instead of after its next sweep."""
    _wake.set()


def _loop() -> None:
    from .services import outbox_deliver_due

    while settings.OUTBOX_RUNNER == "thread":  # a settings change (tests) ends the thread
        _wake.wait(timeout=settings.OUTBOX_SWEEP_SECONDS)
        _wake.clear()
        try:
            outbox_deliver_due()
        except Exception:  # the database is away, a bug: keep the thread alive, try again on the next round
            logger.exception("The outbox round failed; retrying in %s s", settings.OUTBOX_SWEEP_SECONDS)
        finally:
            close_old_connections()
            connection.close()
