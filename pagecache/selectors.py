"""Reading through the page cache's generation: what every page shows alike, computed once per change."""

from collections.abc import Callable
from typing import TypeVar

from . import store

T = TypeVar("T")


def generation_memo(*, name: str, compute: Callable[[], T]) -> T:
    """`compute()`, remembered until the next change visitors would see (the same signals that renew the
    page cache renew this): for what many pages show alike, such as the branding or the restricted sections.

    Computed afresh whenever the cache is off or unreachable. None is remembered too (stored in a list,
    as the cache reports a missing key as None): "this page has no share card yet" is the common answer.
    """
    generation = store.current_generation()
    if generation is None:
        return compute()
    this_request = store.this_request
    if this_request.active and name in this_request.memos:
        return this_request.memos[name]
    remembered = store.memo_get(name=name, generation=generation)
    if isinstance(remembered, list):
        value = remembered[0]
    else:
        value = compute()
        store.memo_save(name=name, generation=generation, value=[value])
    if this_request.active:
        this_request.memos[name] = value
    return value
