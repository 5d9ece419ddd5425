"""Slugs that survive chat apps and print: plain ASCII, German umlauts written out, Arabic transliterated."""

from anyascii import anyascii
from django.utils.text import slugify

# anyascii writes ä as a, German readers expect ae (Türöffner → tueroeffner); it writes an alef with hamza
# as an apostrophe, which a slug drops, so أمل would lose its first letter.
BEFORE_ANYASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
                                 "ẞ": "SS", "أ": "a", "إ": "i", "آ": "a"})


def slug_ascii(text: str, *, fallback: str = "page") -> str:
    """An ASCII slug for `text` (a title or a typed slug in any script); `fallback` when nothing is left."""
    slug = slugify(anyascii((text or "").translate(BEFORE_ANYASCII)))[:80].strip("-")
    return slug or fallback


def slug_available(slug: str, *, taken) -> str:
    """`slug`, or `slug-2`, `slug-3` ... : the first that `taken(candidate)` says is free."""
    candidate, number = slug, 1
    while taken(candidate):
        number += 1
        candidate = f"{slug}-{number}"
    return candidate
