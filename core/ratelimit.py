"""Counting requests in the shared cache (Redis in production), so every app server counts together."""

from django.core.cache import cache


def counter_exceeds(*, key: str, limit: int, seconds: int) -> bool:
    """Count one more under `key`; True once the count passes `limit` within the key's `seconds`."""
    cache.add(key, 0, timeout=seconds)
    return cache.incr(key) > limit
