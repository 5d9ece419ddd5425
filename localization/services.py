"""Writing what translation needs beyond wagtail-localize: partners' rights over their translated sections,
and tags' names in the other languages."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage
from wagtail_localize.models import Translation

from partners.models import PartnerPage

from .models import TagLabel


def group_translation_rights_grant(*, group: Group) -> None:
    """Let a group submit translations (which pages: the ones it may edit, see localization.views)."""
    # wagtail-localize makes this permission in a data migration; a flushed test database loses it.
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    group.permissions.add(permission)


def _source_partner(partner: PartnerPage) -> PartnerPage:
    """The partner page in the default language: onboarding set the group permissions there."""
    default = Locale.get_default()
    if partner.locale_id == default.id:
        return partner
    return partner.get_translation_or_none(default) or partner


@transaction.atomic
def partner_translations_mirror_permissions(*, partner: PartnerPage) -> None:
    """Give every translation of a partner page the same group page permissions as the source page.

    Wagtail's page permissions follow the tree path, and a translation lives in another tree (under the
    translated home page), so without this the partner's editors could not edit their own translations.
    Mirroring (not adding) keeps a later change on the source, like revoking publishing, in step: the
    source partner page is the one place where a section's rights are set.
    """
    source = _source_partner(partner)
    wanted = set(GroupPagePermission.objects.filter(page=source).values_list("group_id", "permission_id"))
    for translation in source.get_translations():
        for row in GroupPagePermission.objects.filter(page=translation):
            if (row.group_id, row.permission_id) not in wanted:
                row.delete()
        for group_id, permission_id in wanted:
            GroupPagePermission.objects.get_or_create(page=translation, group_id=group_id, permission_id=permission_id)
    _mirror_workflow(source=source)


def _mirror_workflow(*, source: PartnerPage) -> None:
    """Translations go through the section's approval workflow too; without it they fall back to the default."""
    assigned = WorkflowPage.objects.filter(page=source).first()
    for translation in source.get_translations():
        if assigned:
            WorkflowPage.objects.update_or_create(page=translation, defaults={"workflow": assigned.workflow})
        else:
            WorkflowPage.objects.filter(page=translation).delete()


@transaction.atomic
def translation_submit_for_approval(*, translation: Translation, user) -> Page:
    """Save the translated page as a draft and send it to its section's approval workflow (not live yet).

    A translation already waiting for approval is left as it is (the editor offers no second submission).
    """
    page = translation.get_target_instance().specific
    if page.workflow_in_progress:
        return page
    translation.save_target(user=user, publish=False)
    page = translation.get_target_instance().specific
    workflow = page.get_workflow()
    if workflow:
        workflow.start(page, user)
    return page


def tag_labels_set(*, tag, names: dict[str, str]) -> None:
    """Give `tag` these names per language code; an empty name removes that language's name."""
    with transaction.atomic():
        for language_code, name in names.items():
            name = name.strip()
            if name:
                TagLabel.objects.update_or_create(tag=tag, language_code=language_code, defaults={"name": name})
            else:
                TagLabel.objects.filter(tag=tag, language_code=language_code).delete()
