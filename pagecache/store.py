"""The shared page cache: whole anonymous responses, tagged with the generation they were rendered in.

One generation token for the whole site, kept in the shared cache (Redis in production): anything that can
change what visitors see (a publish, a move, the branding, a published tip) replaces the token, and every
app server stops serving what it stored before on its very next request. Per-URL purging would have to
know every page a change touches; here that is nearly all of them anyway, because every footer lists the
partners and the home page counts the whole campaign.

The cache may be down or hung: it is the shared fail-open cache (core.cache.FailOpenRedisCache), whose
breaker (core.breaker) turns every failure into a miss or a no-op and skips Redis for a few seconds after
one, so a hung Redis costs one timeout, not one per request; the page is then rendered as if nothing were
cached.
"""

import hashlib
import logging
import threading
import uuid

from django.conf import settings
from django.core.cache import caches

from core.cache import cache_is_failing

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# "2": memos are stored wrapped in a list (see generation_memo); a server still on the release before reads none.
MEMO_PREFIX = "pagecache:memo2:"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class _ThisRequest(threading.local):
    """What the current request already read: the generation and the memos, each fetched from Redis once per
    request instead of once per use (a posted tip asked for the generation four times). Outside a request
    (Celery, commands) nothing is kept, so a long-running worker never holds on to an old generation."""

    active = False
    generation: str | None = None

    def __init__(self):
        self.memos = {}

    def reset(self, *, active: bool) -> None:
        self.active, self.generation = active, None
        self.memos.clear()


this_request = _ThisRequest()


def request_begin(**_kwargs) -> None:
    this_request.reset(active=True)


def request_end(**_kwargs) -> None:
    this_request.reset(active=False)


def cache_available() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0 and not cache_is_failing(_cache())


def page_key(*, scheme: str, host: str, path: str, query: str) -> str:
    digest = hashlib.sha256(f"{scheme}://{host}{path}?{query}".encode()).hexdigest()[:40]
    return f"pagecache:page:{digest}"


def entry_and_generation(*, key: str) -> tuple[dict | None, str | None]:
    """The stored entry for `key` (or None) and the current generation, in one round trip."""
    found = _cache().get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = _generation_start()
    if this_request.active:
        this_request.generation = generation  # a miss renders with memos of this very generation
    return found.get(key), generation


def _generation_start() -> str | None:
    # A fresh random token (never a counter reset to 0): entries from before an eviction can never match it.
    _cache().add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    return _cache().get(GENERATION_KEY)  # None while the cache is failing


def entry_save(*, key: str, entry: dict) -> None:
    _cache().set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)


def current_generation() -> str | None:
    if not cache_available():
        return None
    if this_request.active and this_request.generation is not None:
        return this_request.generation
    generation = _cache().get(GENERATION_KEY)
    if generation is None and cache_is_failing(_cache()):
        return None
    generation = generation if generation is not None else _generation_start()
    if this_request.active:
        this_request.generation = generation
    return generation


def memo_get(*, name: str, generation: str):
    return _cache().get(f"{MEMO_PREFIX}{name}:{generation}")


def memo_save(*, name: str, generation: str, value) -> None:
    _cache().set(f"{MEMO_PREFIX}{name}:{generation}", value, timeout=settings.PAGE_CACHE_SECONDS)


def generation_renew() -> None:
    """Make every stored page stale on every app server at once."""
    this_request.reset(active=this_request.active)  # the request that made the change reads what follows it
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    if cache_is_failing(_cache()):
        # Cached pages may be served stale until they expire (PAGE_CACHE_SECONDS); say so loudly.
        logger.error("Could not invalidate the page cache; pages may be stale for up to %s s",
                     settings.PAGE_CACHE_SECONDS)
