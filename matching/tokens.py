"""Signed links in e-mails: whoever holds the link may do that one thing, nothing else, for a while."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

SALTS = {"confirm": "matching.confirm", "answer": "matching.answer", "recheck": "matching.recheck",
         "feedback": "matching.feedback", "relay": "matching.relay"}
VIEWS = {"confirm": "matching:confirm", "answer": "matching:answer", "recheck": "matching:recheck",
         "feedback": "matching:feedback", "relay": "matching:relay"}


def token_make(*, action: str, **values) -> str:
    return signing.dumps(values, salt=SALTS[action], compress=True)


def token_read(*, action: str, token: str, max_age_seconds: int | None = None) -> dict | None:
    """The values, or None when the link was changed, belongs to another action or is too old."""
    try:
        values = signing.loads(token, salt=SALTS[action], max_age=max_age_seconds)
    except signing.BadSignature:
        return None
    return values if isinstance(values, dict) else None


def token_url(*, action: str, language: str, **values) -> str:
    with translation.override(language):
        path = reverse(VIEWS[action], args=[token_make(action=action, **values)])
    return f"{settings.BASE_URL}{path}"
