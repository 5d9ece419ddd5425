"""What other apps call when they change something visitors see outside Wagtail's page signals."""

from django.db import transaction

from . import store


def page_cache_invalidate() -> None:
    """Every cached page becomes stale on every app server: now, and again once the transaction commits.

    The second renewal covers a server that re-rendered the old rows in between and stored them under the
    first one's generation.
    """
    store.generation_renew()
    transaction.on_commit(store.generation_renew)
