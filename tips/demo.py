"""Demo tips for `load_demo`: a few published, anonymised tips per appeal, so the map and pages show some."""

from django.utils import timezone

from appeals.models import AppealPage

from .models import Tip, TipKind, TipStatus
from .selectors import partner_for_page

# Per language the tips were written in: each is quoted on the appeal page in that language.
DEMO_TIPS = {
    "de": [
        (TipKind.JOB, "Eine Bäckerei im Viertel sucht ab Herbst Verstärkung in der Backstube.", 0.02, 0.01),
        (TipKind.INTRODUCTION, "Meine Nachbarin leitet einen Handwerksbetrieb und kennt viele Ausbilder.", -0.015,
         0.02),
    ],
    "en": [(TipKind.TIP, "The chamber of crafts holds an open advice hour for foreign qualifications every "
                         "Thursday.", 0.01, -0.02)],
    "ar": [(TipKind.INTRODUCTION, "أعرف صاحب ورشة في الحي يبحث عن متدربين، ويمكنني أن أعرّفكم عليه.", -0.01, -0.015)],
}


def tips_demo_load(*, appeals: list[AppealPage], language: str = "de", towns: dict[str, str] | None = None) -> int:
    """Published tips in one language beside each appeal that has none in it yet; marked as notified, so no
    e-mail goes out. `towns` gives the town names a tipster writing in that language would use."""
    created = 0
    now = timezone.now()
    for appeal in appeals:
        if not appeal.has_position or Tip.objects.filter(appeal=appeal, language=language).exists():
            continue
        partner = partner_for_page(page=appeal)
        town = (towns or {}).get(appeal.town, appeal.town)
        for kind, text, dlat, dlon in DEMO_TIPS[language]:
            Tip.objects.create(
                appeal=appeal, partner=partner, kind=kind, message=text, public_text=text, town=town,
                latitude=appeal.latitude + dlat, longitude=appeal.longitude + dlon, status=TipStatus.USEFUL,
                published=True, notification_sent_at=now, language=language, channel="demo",
            )
            created += 1
    return created
