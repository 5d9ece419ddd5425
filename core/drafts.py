"""Sharing a draft with colleagues who have no admin login: a signed link to one revision that expires."""

import datetime

from django.core import signing
from wagtail.models import Page, Revision

SALT = "nahbar.shared-draft"
LINK_LIFETIME = datetime.timedelta(days=7)


def draft_share_token(*, page: Page) -> str:
    """A token for the page's latest revision: later edits are not shown through an old link."""
    return signing.dumps({"revision": page.latest_revision_id}, salt=SALT, compress=True)


def draft_from_token(*, token: str) -> Page | None:
    """The shared revision as a page, or None when the token is forged, expired or its revision is gone."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_LIFETIME)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    revision = Revision.page_revisions.filter(pk=data.get("revision")).first()
    return revision.as_object() if revision else None
