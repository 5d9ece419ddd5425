"""Reading tips: who may see which, where a tip belongs, what the public sees."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from wagtail.models import Locale, Page

from appeals.models import AppealPage
from appeals.selectors import appeal_open_list
from core.pages import default_locale_id, pages_live_public
from pagecache.selectors import generation_memo
from partners.models import PartnerPage
from partners.selectors import partner_of_page
from places.geo import degrees_around, distance_km

from .models import Tip, TipStatus


def page_source(*, page: Page) -> Page:
    """Translations share their original's translation key; tips belong to the default-locale page (an
    appeal or a partner), so a tip given on the Arabic page is filed under the German one."""
    default = default_locale_id()
    if page.locale_id == default:
        return page
    original = type(page).objects.filter(translation_key=page.translation_key, locale_id=default).first()
    return original or page


def appeal_taking_tips(*, appeal_id: int) -> AppealPage | None:
    """The live, public appeal a tip form posts to, remembered until the next change to pages: during a TV
    spike nearly every post names one of a few appeals, and the page query was the heaviest of a posted tip."""
    return generation_memo(name=f"appeal-taking-tips:{appeal_id}",
                           compute=lambda: pages_live_public(AppealPage.objects).filter(pk=appeal_id).first())


def partner_for_page(*, page: Page) -> PartnerPage | None:
    partner = partner_of_page(page=page)
    return page_source(page=partner) if partner else None


def partner_for_offer(*, latitude: float, longitude: float) -> PartnerPage | None:
    """An offer goes to the partner of the nearest open appeal whose radius covers the offer's point.

    That is the partner who can act on it now; an offer nobody's appeal covers stays with staff.
    """
    best, best_distance = None, None
    dlat, dlon = degrees_around(latitude, 200)  # no appeal radius is larger in practice; a cheap index pre-filter
    nearby = appeal_open_list(locale=Locale.get_default()).filter(
        latitude__range=(latitude - dlat, latitude + dlat), longitude__range=(longitude - dlon, longitude + dlon)
    )
    for appeal in nearby.only("id", "path", "depth", "latitude", "longitude", "radius_km", "locale_id"):
        distance = distance_km(latitude, longitude, appeal.latitude, appeal.longitude)
        if distance <= appeal.radius_km and (best_distance is None or distance < best_distance):
            best, best_distance = appeal, distance
    return partner_for_page(page=best) if best else None


def tip_notification_recipients(*, tip: Tip) -> list[str]:
    """Who must hear of a new tip: its partner's address; without one TIPS_STAFF_EMAIL; without that, every
    active staff user with an address, so no tip goes unseen. Empty only when there is truly nobody."""
    if tip.partner and tip.partner.notification_email:
        return [tip.partner.notification_email]
    if settings.TIPS_STAFF_EMAIL:
        return [settings.TIPS_STAFF_EMAIL]
    staff = get_user_model().objects.filter(Q(is_superuser=True) | Q(is_staff=True), is_active=True).exclude(email="")
    return sorted(set(staff.values_list("email", flat=True)))


def partners_of_user(*, user) -> QuerySet[PartnerPage]:
    """Partners whose editors' or moderators' group the user is in."""
    groups = user.groups.values("pk")
    return PartnerPage.objects.filter(Q(editors_group__in=groups) | Q(moderators_group__in=groups))


def user_moderates(*, user, tip: Tip) -> bool:
    if user.is_superuser:
        return True
    return tip.partner_id is not None and PartnerPage.objects.filter(
        pk=tip.partner_id, moderators_group__in=user.groups.values("pk")
    ).exists()


def tips_visible_to(*, user) -> QuerySet[Tip]:
    """Staff see every tip; partner editors and moderators only their own partner's, contact data included."""
    tips = Tip.objects.select_related("appeal", "partner")
    if user.is_superuser:
        return tips
    if not user.is_authenticated:
        return tips.none()
    return tips.filter(partner__in=partners_of_user(user=user).values("pk"))


def tips_published(*, appeal: AppealPage | None = None) -> QuerySet[Tip]:
    tips = Tip.objects.filter(published=True).exclude(status=TipStatus.SPAM)
    if appeal is not None:
        tips = tips.filter(appeal__translation_key=appeal.translation_key)
    return tips


def tips_quoted_on(*, appeal: AppealPage, language_code: str) -> QuerySet[Tip]:
    """The published tips an appeal page in one language quotes: each tip once, where its readers are.

    That is the translation into the language the tip was written in, or the page in the default language
    where the appeal has no live translation into it.
    """
    tips = tips_published(appeal=appeal)
    if language_code != settings.LANGUAGE_CODE:
        return tips.filter(language=language_code)
    translated_into = (AppealPage.objects.live().filter(translation_key=appeal.translation_key)
                       .exclude(locale__language_code=language_code).values("locale__language_code"))
    return tips.exclude(language__in=translated_into)


def tip_figures() -> dict[str, int]:
    """The home page's tip figures, counted in one pass."""
    not_spam = ~Q(status=TipStatus.SPAM)
    return Tip.objects.aggregate(
        received=Count("pk", filter=not_spam),
        job_offers=Count("pk", filter=not_spam & Q(kind__in=["job", "apprenticeship"])),
        useful=Count("pk", filter=Q(status=TipStatus.USEFUL)),
    )
