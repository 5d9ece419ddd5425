"""Writing appeals: closing one when an outcome meets its ask."""

from datetime import date

from .models import AppealPage


def appeal_close(*, appeal: AppealPage, reason: str, on: date) -> int:
    """Close the appeal in every language at once (no translation sync needed): it stops taking tips and
    leaves the open-appeal figures, lists and map. Returns how many pages (translations) were closed."""
    return AppealPage.objects.filter(translation_key=appeal.translation_key).update(closed_on=on, closed_reason=reason)
