from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from .drafts import LINK_LIFETIME, draft_share_token


def share_draft(request, page_id: int):
    """Only people who may edit the page may hand out a link to its draft."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit() or not page.latest_revision_id:
        raise PermissionDenied
    link = request.build_absolute_uri(reverse("shared_draft", args=[draft_share_token(page=page)]))
    return TemplateResponse(request, "core/admin/share_draft.html",
                            {"page": page, "link": link, "days": LINK_LIFETIME.days})
