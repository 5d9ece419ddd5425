"""Admin additions every partner uses: a "share draft" link beside a page's other actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import admin_views
from .login_lockouts import LoginLockoutViewSet


@hooks.register("register_admin_urls")
def share_draft_urls():
    return [path("share-draft/<int:page_id>/", admin_views.share_draft, name="core_share_draft")]


@hooks.register("register_page_header_buttons")
def share_draft_button(page, user, view_name, next_url=None):
    if page.latest_revision_id and page.permissions_for_user(user).can_edit():
        yield Button(_("Share draft"), reverse("core_share_draft", args=[page.pk]), icon_name="link", priority=90)


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet()
