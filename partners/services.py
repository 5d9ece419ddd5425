"""Writing partner organisations: onboarding gives each partner a section, groups and a collection."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .models import PartnerPage

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "view_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", ["add_document", "change_document", "choose_document"]),
    ("wagtailmedia", ["add_media", "change_media", "choose_media"]),
]


def _permissions(app_label: str, codenames: list[str]) -> list[Permission]:
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def _grant_section(*, group: Group, page: Page, collection: Collection, page_codenames: list[str]) -> None:
    group.permissions.add(*_permissions("wagtailadmin", ["access_admin"]))
    for permission in _permissions("wagtailcore", page_codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    for app_label, codenames in COLLECTION_PERMISSIONS:
        for permission in _permissions(app_label, codenames):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def partner_grant_publishing(*, partner: PartnerPage) -> None:
    """Editors of a trusted partner publish directly; of others, they submit for approval."""
    codenames = MODERATOR_PAGE_PERMISSIONS if partner.trusted_to_publish else EDITOR_PAGE_PERMISSIONS
    publish = _permissions("wagtailcore", ["publish_page"])
    GroupPagePermission.objects.filter(group=partner.editors_group, page=partner, permission__in=publish).delete()
    _grant_section(group=partner.editors_group, page=partner, collection=partner.collection,
                   page_codenames=codenames)


@transaction.atomic
def partner_onboard(*, home: Page, title: str, slug: str, **fields) -> PartnerPage:
    """Create the partner's page, its editors' and moderators' groups and its media collection."""
    partner = PartnerPage(title=title, slug=slug, **fields)
    home.add_child(instance=partner)
    partner.collection = Collection.get_first_root_node().add_child(name=title)
    partner.editors_group = Group.objects.create(name=f"{title}: editors")
    partner.moderators_group = Group.objects.create(name=f"{title}: moderators")
    partner.save_revision().publish()
    _grant_section(group=partner.moderators_group, page=partner, collection=partner.collection,
                   page_codenames=MODERATOR_PAGE_PERMISSIONS)
    partner_grant_publishing(partner=partner)
    return partner
