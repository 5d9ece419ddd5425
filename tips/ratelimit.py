"""A per-client limit on tips, counted in the shared cache."""

import hashlib
import logging

from django.conf import settings

from core.ratelimit import counter_exceeds

logger = logging.getLogger(__name__)


def client_over_limit(*, request, scope: str = "tip") -> bool:
    """Count this request; True once the client sent more than the limit within the window.

    Keyed by REMOTE_ADDR (hashed, so the cache holds no addresses): behind a proxy, the proxy must set it.
    If the cache is down we let the request through: losing a tip is worse than a few spam rows.
    """
    address = request.META.get("REMOTE_ADDR", "")
    key = f"ratelimit:{scope}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"
    try:
        return counter_exceeds(key=key, limit=settings.TIPS_RATE_LIMIT_COUNT, seconds=settings.TIPS_RATE_LIMIT_WINDOW)
    except Exception:
        logger.warning("Rate limit cache unavailable; letting the request through", exc_info=True)
        return False
