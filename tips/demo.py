"""Demo tips for `load_demo`: a few published, anonymised tips per appeal, so the map and pages show some."""

from django.utils import timezone

from appeals.models import AppealPage

from .models import Tip, TipKind, TipStatus
from .selectors import partner_for_page

DEMO_TIPS = [
    (TipKind.JOB, "Eine Bäckerei im Viertel sucht ab Herbst Verstärkung in der Backstube.", 0.02, 0.01),
    (TipKind.INTRODUCTION, "Meine Nachbarin leitet einen Handwerksbetrieb und kennt viele Ausbilder.", -0.015, 0.02),
]


def tips_demo_load(*, appeals: list[AppealPage]) -> int:
    """Two published tips beside each appeal that has none yet; marked as notified, so no e-mail goes out."""
    created = 0
    now = timezone.now()
    for appeal in appeals:
        if not appeal.has_position or Tip.objects.filter(appeal=appeal).exists():
            continue
        partner = partner_for_page(page=appeal)
        for kind, text, dlat, dlon in DEMO_TIPS:
            Tip.objects.create(
                appeal=appeal, partner=partner, kind=kind, message=text, public_text=text, town=appeal.town,
                latitude=appeal.latitude + dlat, longitude=appeal.longitude + dlon, status=TipStatus.USEFUL,
                published=True, notification_sent_at=now, language="de", channel="demo",
            )
            created += 1
    return created
