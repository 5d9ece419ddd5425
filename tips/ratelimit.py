"""A per-client limit on tips, counted in the shared cache.

Only accepted tips count: a visitor whose form came back with errors (or was refused as over the limit) is
not pushed further over it, and a crowd behind one address is told apart through TRUSTED_PROXIES.
If the cache is down we let tips through: losing a tip is worse than a few spam rows.
"""

import logging

from django.conf import settings

from core.ratelimit import client_key, counter_add, counter_reached

logger = logging.getLogger(__name__)


def client_over_limit(*, request, scope: str = "tip") -> bool:
    """True when this client has had TIPS_RATE_LIMIT_COUNT tips accepted within the window."""
    try:
        return counter_reached(key=client_key(request, scope=scope), limit=settings.TIPS_RATE_LIMIT_COUNT)
    except Exception:
        logger.warning("Rate limit cache unavailable; letting the request through", exc_info=True)
        return False


def client_count_accepted(*, request, scope: str = "tip") -> None:
    """Count one accepted tip for this client."""
    try:
        counter_add(key=client_key(request, scope=scope), seconds=settings.TIPS_RATE_LIMIT_WINDOW)
    except Exception:
        logger.warning("Rate limit cache unavailable; this tip is not counted", exc_info=True)
