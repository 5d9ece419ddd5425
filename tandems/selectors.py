"""Reading tandems: the filtered index, one tandem's appeals and timeline, the outcome figures."""

from django.db.models import Q, QuerySet, Value
from django.utils.translation import get_language
from taggit.models import Tag
from wagtail.models import Locale

from appeals.models import AppealPage
from core.pages import pages_live_public
from localization.selectors import tags_in_language, tags_matching

from .models import TandemLanguage, TandemOccupation, TandemPage, TandemSkill, TandemStatus, TandemStatusChange

# Steps that count as an outcome on the home page: something the campaign achieved.
OUTCOME_STATUSES = [TandemStatus.INTERNSHIP, TandemStatus.APPRENTICESHIP, TandemStatus.JOB_FOUND]


def tandem_live_list() -> QuerySet[TandemPage]:
    return pages_live_public(TandemPage.objects).filter(locale=Locale.get_active())


def tandem_filtered_list(*, town: str = "", status: str = "", tag: str = "") -> QuerySet[TandemPage]:
    """The tandems an index visitor asked for; a tag matches languages, skills or sought occupations."""
    tandems = tandem_live_list()
    if town:
        tandems = tandems.filter(town__iexact=town)
    if status:
        tandems = tandems.filter(status=status)
    if tag:
        tags = tags_matching(slug=tag, language_code=get_language())
        tandems = tandems.filter(
            Q(language_items__tag__in=tags) | Q(skill_items__tag__in=tags) | Q(occupation_items__tag__in=tags)
        )
    return tandems.select_related("locale", "portrait").prefetch_related("portrait__renditions").order_by(
        "title").distinct()


def tandem_town_choices() -> list[str]:
    return sorted(set(tandem_live_list().exclude(town="").values_list("town", flat=True)))


def tandem_outcome_count() -> int:
    """Outcomes reached by live tandems: internships, apprenticeships, jobs; each once, in any language."""
    return TandemStatusChange.objects.filter(
        tandem__in=pages_live_public(TandemPage.objects), status__in=OUTCOME_STATUSES
    ).values("translation_key").distinct().count()


def _tandem_tags(*, tandem: TandemPage) -> dict[str, list[Tag]]:
    """Its languages, skills and sought occupations, in one query instead of one per list."""
    lists = {"languages": TandemLanguage, "skills": TandemSkill, "sought_occupations": TandemOccupation}
    rows = [through.objects.filter(content_object_id=tandem.pk).annotate(list=Value(name))
            .values_list("list", "pk", "tag_id", "tag__name", "tag__slug") for name, through in lists.items()]
    tags: dict[str, list[Tag]] = {name: [] for name in lists}
    for name, _pk, tag_id, tag_name, slug in rows[0].union(*rows[1:], all=True).order_by("list", "pk"):
        tags[name].append(Tag(pk=tag_id, name=tag_name, slug=slug))
    return tags


def tandem_profile(*, tandem: TandemPage) -> dict:
    """What a tandem page shows besides its own fields: its tags, outcomes timeline and open appeals."""
    tags = tags_in_language(language_code=get_language(), **_tandem_tags(tandem=tandem))
    return {
        **tags,
        "timeline": list(tandem.status_changes.order_by("date", "sort_order")),
        "tandem_appeals": list(
            pages_live_public(AppealPage.objects.child_of(tandem)).select_related("locale", "image")
            .prefetch_related("image__renditions").order_by("-open_from")
        ),
    }


def partner_choices() -> QuerySet:
    """The partners an applicant may choose: live and public, once each (in the default language)."""
    from partners.models import PartnerPage

    return pages_live_public(PartnerPage.objects.filter(locale=Locale.get_default())).order_by("title")


def partner_choice_for(page_id: int | None) -> int | None:
    """The choice that stands for the partner page `page_id` in any language (its default-language page)."""
    if page_id is None:
        return None
    from partners.models import PartnerPage

    page = PartnerPage.objects.filter(pk=page_id).only("translation_key").first()
    if page is None:
        return None
    return partner_choices().filter(translation_key=page.translation_key).values_list("pk", flat=True).first()


def tandem_application_home():
    """Where an application without a partner waits for staff: the network's tandem index (only staff work
    there), or the home page when the site has none yet."""
    from wagtail.models import Page

    from .models import TandemIndexPage

    default = Locale.get_default()
    return (TandemIndexPage.objects.filter(locale=default).first()
            or Page.objects.filter(depth=2, locale=default).first().specific)


def tandem_translations_behind(*, user) -> list[TandemPage]:
    """Translated tandems the user may edit whose German page was published after the translation was last
    saved: the status and outcomes followed on their own (tandems.translation_sync), the text may not have."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    default = Locale.get_default()
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    translations = list(TandemPage.objects.filter(pk__in=editable.values("pk")).exclude(locale=default)
                        .select_related("locale").order_by("title"))
    published = dict(TandemPage.objects.filter(
        locale=default, translation_key__in=[page.translation_key for page in translations],
        last_published_at__isnull=False).values_list("translation_key", "last_published_at"))
    return [page for page in translations if page.translation_key in published and (
        page.latest_revision_created_at is None or page.latest_revision_created_at < published[page.translation_key])]
