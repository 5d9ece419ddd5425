"""Counting requests in the shared cache (Redis in production), so every app server counts together."""

from django.core.cache import cache


def counter_exceeds(*, key: str, limit: int, seconds: int) -> bool:
    """Count one more under `key`; True once the count passes `limit` within the key's `seconds`.

    While the cache is unavailable nothing is counted and nobody is limited: refusing visitors because our
    cache is down would turn an outage of a helper service into an outage of the site.
    """
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the key is gone: the cache failed between add and incr, or evicted it
        return False
