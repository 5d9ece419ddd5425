"""Counting requests in the shared cache (Redis in production), so every app server counts together; and
the client address those counts are keyed by."""

import hashlib
import ipaddress
from contextlib import suppress
from functools import cache as memoize

from django.conf import settings
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


def counter_reached(*, key: str, limit: int) -> bool:
    """True when `key` has already been counted `limit` times: asks without counting."""
    return (cache.get(key) or 0) >= limit


def counter_add(*, key: str, seconds: int) -> None:
    """Count one under `key`; the window starts with the first count."""
    cache.add(key, 0, timeout=seconds)
    with suppress(ValueError):  # the cache failed between add and incr: count nothing rather than fail the visitor
        cache.incr(key)


@memoize
def _trusted_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request) -> str:
    """The visitor's address. Behind our own proxies (TRUSTED_PROXIES) REMOTE_ADDR is the proxy's, the same
    for every visitor: then the visitor is the last X-Forwarded-For entry that is not one of our proxies.
    Entries before it are written by the client and never trusted; without a trusted proxy the header is
    ignored altogether, so nobody can pose as another address."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted_proxy(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([part for part in forwarded if part]):
        if not _is_trusted_proxy(address):
            return address
    return remote


def client_key(request, *, scope: str) -> str:
    """A cache key for the client, hashed so the cache holds no addresses. IPv6 clients are counted by
    their /64 network: one phone or home gets a whole /64 and could otherwise count as millions."""
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        pass
    else:
        if ip.version == 6:
            address = str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return f"ratelimit:{scope}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"
