"""Writing partner organisations: onboarding gives each partner a section, groups, a collection and a workflow."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import PartnerPage

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "view_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", ["add_document", "change_document", "choose_document"]),
    ("wagtailmedia", ["add_media", "change_media", "choose_media"]),
]
# Wagtail's own staff moderators group (created by its initial migration): staff approve in every section.
STAFF_MODERATORS_GROUP = "Moderators"


def _permissions(app_label: str, codenames: list[str]) -> list[Permission]:
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def _grant_section(*, group: Group, page: Page, collection: Collection, page_codenames: list[str]) -> None:
    group.permissions.add(*_permissions("wagtailadmin", ["access_admin"]))
    # ignore_conflicts: granting again (trust changed, onboarding repeated) keeps what exists.
    GroupPagePermission.objects.bulk_create(
        [GroupPagePermission(group=group, page=page, permission=permission)
         for permission in _permissions("wagtailcore", page_codenames)],
        ignore_conflicts=True,
    )
    GroupCollectionPermission.objects.bulk_create(
        [GroupCollectionPermission(group=group, collection=collection, permission=permission)
         for app_label, codenames in COLLECTION_PERMISSIONS for permission in _permissions(app_label, codenames)],
        ignore_conflicts=True,
    )


def partner_grant_publishing(*, partner: PartnerPage) -> None:
    """Editors of a trusted partner publish directly; of others, they submit for approval."""
    codenames = MODERATOR_PAGE_PERMISSIONS if partner.trusted_to_publish else EDITOR_PAGE_PERMISSIONS
    publish = _permissions("wagtailcore", ["publish_page", "lock_page", "unlock_page"])
    GroupPagePermission.objects.filter(group=partner.editors_group, page=partner, permission__in=publish).delete()
    _grant_section(group=partner.editors_group, page=partner, collection=partner.collection,
                   page_codenames=codenames)


def _unique_group(name: str, slug: str) -> Group:
    # Two organisations may share a name ("Caritas"); the slug, unique under the home page, tells them apart.
    if Group.objects.filter(name=name).exists():
        name = f"{name} ({slug})"
    return Group.objects.create(name=name[:150])


def _partner_workflow(*, partner: PartnerPage) -> Workflow:
    """Pages in the section go to the partner's own moderators or to staff for approval.

    The names are shown as they are stored, in every admin language: they name the partner and nothing else
    (Wagtail itself says "approval", "awaiting", ... in the editor's language).
    """
    workflow, _ = Workflow.objects.get_or_create(name=f"{partner.title} ({partner.slug})"[:255])
    task = GroupApprovalTask.objects.create(name=partner.title[:255])
    task.groups.add(partner.moderators_group, *Group.objects.filter(name=STAFF_MODERATORS_GROUP))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=partner, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def partner_provision(*, partner: PartnerPage) -> PartnerPage:
    """Give a partner page what a section needs; a partner that has it already is left alone.

    A translation shares its original's groups (copied with the page), so it is never onboarded twice.
    """
    if partner.editors_group_id:
        return partner
    partner.collection = Collection.get_first_root_node().add_child(name=partner.title)
    partner.editors_group = _unique_group(f"{partner.title}: editors", partner.slug)
    partner.moderators_group = _unique_group(f"{partner.title}: moderators", partner.slug)
    # Only these three columns: the page may have a newer draft that a full save would overwrite.
    PartnerPage.objects.filter(pk=partner.pk).update(
        collection=partner.collection, editors_group=partner.editors_group,
        moderators_group=partner.moderators_group,
    )
    _grant_section(group=partner.moderators_group, page=partner, collection=partner.collection,
                   page_codenames=MODERATOR_PAGE_PERMISSIONS)
    partner_grant_publishing(partner=partner)
    _partner_workflow(partner=partner)
    return partner


@transaction.atomic
def partner_onboard(*, home: Page, title: str, slug: str, **fields) -> PartnerPage:
    """Create and publish the partner's page with its groups, media collection and approval workflow."""
    partner = PartnerPage(title=title, slug=slug, **fields)
    home.add_child(instance=partner)
    partner.save_revision().publish()
    return partner_provision(partner=partner)
