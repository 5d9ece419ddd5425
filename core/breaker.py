"""A circuit breaker for services the request path may use but must never wait on (Redis as cache and broker).

After a failure the breaker stays open for a few seconds: callers skip the service at once instead of each
paying a connect or read timeout while it is down or frozen. Then one call tries again (half-open); success
closes it. The state is per process and shared by its threads, which is what a dead server calls for.
"""

from __future__ import annotations

import logging
import threading
import time

logger = logging.getLogger(__name__)


class Breaker:
    def __init__(self, name: str, *, open_seconds: float = 5.0):
        self.name = name
        self.open_seconds = open_seconds
        self._lock = threading.Lock()
        self._retry_at = 0.0  # monotonic time after which one call may try the service again
        self._failing = False

    def allows(self) -> bool:
        """True when a call may go to the service; while open, only one caller per window gets to try."""
        with self._lock:
            now = time.monotonic()
            if now < self._retry_at:
                return False
            if self._failing:
                self._retry_at = now + self.open_seconds  # this caller probes; the others keep skipping
            return True

    def failed(self, error: BaseException) -> None:
        with self._lock:
            first = not self._failing
            self._failing = True
            self._retry_at = time.monotonic() + self.open_seconds
        if first:
            logger.warning("%s unavailable, skipping it for %.0f s at a time: %r", self.name, self.open_seconds, error)

    def succeeded(self) -> None:
        if self._failing:
            with self._lock:
                self._failing, self._retry_at = False, 0.0
            logger.warning("%s is back", self.name)

    @property
    def failing(self) -> bool:
        return self._failing


_breakers: dict[str, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(name: str, *, open_seconds: float = 5.0) -> Breaker:
    """One breaker per service and process, however many cache or connection objects the threads hold."""
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = Breaker(name, open_seconds=open_seconds)
        return _breakers[name]
