"""The shared cache on Redis, failing open: an outage makes pages slower, never errors.

Wagtail reads the default cache on every `page.url`, the footer's partner list and the map feeds live in it,
and the rate limits count in it. Django's RedisCache raises on every call while Redis is down or frozen, so
each public page answered 500. Here every error is logged (once per outage, by the breaker) and treated as a
miss or a no-op, and while Redis is failing the calls skip it without waiting for a timeout.
"""

from __future__ import annotations

import functools

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

from .breaker import breaker_for

# What each operation answers when Redis cannot: a miss, or "not done". `incr` raises ValueError as Django
# does for a missing key, so a counter simply does not count during an outage.
_MISSING = object()
FALLBACKS = {
    "add": False, "get": _MISSING, "set": None, "touch": False, "delete": False, "get_many": {},
    "has_key": False, "incr": ValueError, "set_many": _MISSING, "delete_many": None, "clear": None,
}


def _fail_open(name: str):
    method = getattr(RedisCache, name)
    fallback = FALLBACKS[name]

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        breaker = breaker_for(f"Cache at {self._servers[0]}")
        if breaker.allows():
            try:
                result = method(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                breaker.failed(error)
            else:
                breaker.succeeded()
                return result
        return _fallback(name, fallback, args, kwargs)

    return wrapper


def _fallback(name, fallback, args, kwargs):
    if fallback is ValueError:
        raise ValueError(f"Key {args[0]!r} not found: the cache is unavailable.")
    if fallback is _MISSING:
        if name == "get":
            return args[1] if len(args) > 1 else kwargs.get("default")
        return list(args[0] if args else kwargs["data"])  # set_many: every key failed
    return fallback.copy() if isinstance(fallback, dict) else fallback


class _OneClientPerPool(RedisCacheClient):
    """Django builds a new redis.Redis for every cache call, and each one copies some 170 response callbacks:
    more than half of a call's time (a get measured about 330 us with it, 130 us without). A client only
    wraps its pool and is safe to share, so one per pool serves every call."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailOpenRedisCache(RedisCache):
    """RedisCache whose operations never raise because Redis is down, slow or frozen."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneClientPerPool


for _name in FALLBACKS:
    setattr(FailOpenRedisCache, _name, _fail_open(_name))


def cache_is_failing(cache) -> bool:
    """Whether the breaker of this cache is open, i.e. pages are being served without it."""
    servers = getattr(cache, "_servers", None)
    return bool(servers) and breaker_for(f"Cache at {servers[0]}").failing
