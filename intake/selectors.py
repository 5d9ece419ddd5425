"""Reading intake data, always narrowed to what the asking person may see."""

import hmac

from django.db.models import QuerySet

from partners.models import PartnerPage
from tandems.models import TandemPage

from .models import Upload, UploadLink, UploadStatus


def link_by_token(*, token: str) -> UploadLink | None:
    """The link for a token, active or not (the page explains which), or None."""
    from .services import token_digest

    digest = token_digest(token)
    link = UploadLink.objects.select_related("tandem").filter(token_hash=digest).first()
    # The lookup is by digest already; the explicit comparison keeps it constant-time by construction.
    return link if link and hmac.compare_digest(link.token_hash, digest) else None


def link_uploads(*, link: UploadLink) -> QuerySet[Upload]:
    return link.uploads.exclude(status=UploadStatus.RECEIVING, received=0)


def upload_partner(*, upload: Upload) -> PartnerPage | None:
    """None for a tandem that waits with staff (a "become a tandem" application without a partner)."""
    return PartnerPage.objects.ancestor_of(upload.link.tandem).first()


def partners_for_user(*, user) -> QuerySet[PartnerPage]:
    """The partner sections whose editors' or moderators' group the user is in (all for superusers)."""
    if user.is_superuser:
        return PartnerPage.objects.all()
    groups = user.groups.all()
    return (PartnerPage.objects.filter(editors_group__in=groups) | PartnerPage.objects.filter(
        moderators_group__in=groups)).distinct()


def tandems_for_user(*, user) -> QuerySet[TandemPage]:
    if user.is_superuser:  # staff also look after tandems outside any partner (applications waiting with them)
        return TandemPage.objects.order_by("title")
    partners = list(partners_for_user(user=user))
    if not partners:
        return TandemPage.objects.none()
    query = TandemPage.objects.descendant_of(partners[0])
    for partner in partners[1:]:
        query = query | TandemPage.objects.descendant_of(partner)
    return query.order_by("title")


def links_for_user(*, user) -> QuerySet[UploadLink]:
    return UploadLink.objects.filter(tandem__in=tandems_for_user(user=user)).select_related("tandem")


def uploads_for_user(*, user) -> QuerySet[Upload]:
    return Upload.objects.filter(link__tandem__in=tandems_for_user(user=user)).select_related("link__tandem")


def uploads_waiting_for_user(*, user) -> QuerySet[Upload]:
    return uploads_for_user(user=user).filter(status__in=[UploadStatus.PENDING, UploadStatus.PROCESSING])
