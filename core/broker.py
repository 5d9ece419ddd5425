"""Queuing Celery tasks from the request path without ever failing or stalling the request."""

from __future__ import annotations

import logging

from django.conf import settings

from .breaker import breaker_for

logger = logging.getLogger(__name__)


def _breaker():
    return breaker_for(f"Broker at {settings.CELERY_BROKER_URL}")


def task_publish(task, *, args: list) -> bool:
    """Queue `task`; False when the broker is down, frozen or was failing a moment ago.

    Callers keep the work in the database and a sweeper queues it again later, so a False only delays it.
    The transport's socket timeouts (settings) bound the one probing call per outage window.
    """
    breaker = _breaker()
    if not breaker.allows():
        return False
    try:
        task.apply_async(args=args, retry=False)
    except Exception as error:  # noqa: BLE001 - any kombu/redis/socket error means "not queued now"
        breaker.failed(error)
        logger.warning("Could not queue %s%r; it stays in the database for the sweep", task.name, tuple(args))
        return False
    breaker.succeeded()
    return True


def broker_is_failing() -> bool:
    return _breaker().failing
