"""Writing tandems: recording an outcome as a new revision of the tandem page."""

import uuid
from datetime import date

from .models import TandemPage, TandemStatusChange


def tandem_outcome_record(*, tandem: TandemPage, status: str, on: date, note: str, user) -> uuid.UUID:
    """Add an outcome and set the tandem's status, as a revision of the page (so a later edit keeps it).

    Published at once by people who may publish the tandem; otherwise it waits as a draft for approval.
    Returns the outcome's translation key, which stays the same across revisions and translations.
    """
    page = tandem.get_latest_revision_as_object()
    outcome = TandemStatusChange(status=status, date=on, note=note, locale_id=page.locale_id)
    page.status_changes.add(outcome)
    page.status = status
    revision = page.save_revision(user=user, log_action=True)
    if tandem.permissions_for_user(user).can_publish():
        revision.publish(user=user)  # the translations follow (tandems.translation_sync)
    return outcome.translation_key
