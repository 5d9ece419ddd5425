"""Checks of the services the portal depends on, for /healthz and the admin.

The verdict a monitor alerts on:
- "failing" (HTTP 503): the database is unreachable, or e-mail is stuck (the oldest undelivered e-mail is
  older than HEALTHZ_MAIL_STALE_SECONDS): visitors' tips are not stored or not reaching partners.
- "degraded" (HTTP 200): the cache or the broker is down. Visitors are served (pages slower, e-mails wait
  in the database), but an operator should look.
- "ok" (HTTP 200).
The public sees only the verdict; the details go to staff and to monitors that send HEALTHZ_TOKEN.
"""

from __future__ import annotations

import hmac

from django.conf import settings
from django.core.cache import cache
from django.db import connection


def database_is_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means "not reachable" to a health check
        return False


def _redis_ping(url: str) -> str:
    import redis

    timeout = settings.REDIS_TIMEOUT_MS / 1000
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
        return "ok" if client.ping() else "down"
    except (redis.RedisError, OSError):
        return "down"


def broker_status() -> str:
    """'ok', 'down', or 'in-process' when no broker is configured."""
    if not settings.REDIS_URL:
        return "in-process"
    return _redis_ping(settings.CELERY_BROKER_URL)


def cache_status() -> str:
    """'ok', 'down' (pages are served without it), or 'in-process' for the local memory cache."""
    location = getattr(cache, "_servers", None)
    return _redis_ping(location[0]) if location else "in-process"


def mail_queue_status() -> dict:
    """How long the oldest undelivered e-mail has waited, from the outbox."""
    from outbox.selectors import outbox_oldest_waiting_age

    age = outbox_oldest_waiting_age()
    seconds = int(age.total_seconds()) if age is not None else 0
    stale = seconds > settings.HEALTHZ_MAIL_STALE_SECONDS
    return {"status": "stuck" if stale else "ok", "oldest_undelivered_seconds": seconds}


def health_report() -> tuple[str, dict]:
    """The verdict and every check's result."""
    database = "ok" if database_is_reachable() else "down"
    details = {"database": database, "cache": cache_status(), "broker": broker_status()}
    if database == "ok":
        details["mail"] = mail_queue_status()
    if database != "ok" or details.get("mail", {}).get("status") == "stuck":
        verdict = "failing"
    elif "down" in (details["cache"], details["broker"]):
        verdict = "degraded"
    else:
        verdict = "ok"
    return verdict, details


def may_see_details(request, *, database_ok: bool) -> bool:
    """Staff, or a monitor that sends the token (`Authorization: Bearer <HEALTHZ_TOKEN>` or `?token=`).

    Staff are recognised by their session, which lives in the database: while it is down, only the token works.
    """
    token = settings.HEALTHZ_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip() or request.GET.get("token", "")
    if token and given and hmac.compare_digest(token.encode(), given.encode()):
        return True
    return database_ok and request.user.is_authenticated and request.user.is_staff
