"""Admin registration: two menu entries, shown only to staff and to people of a partner section."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import Button

from tandems.models import TandemPage

from . import admin_views
from .selectors import partners_for_user, tandems_for_user


class PartnerMenuItem(MenuItem):
    def is_shown(self, request):
        return partners_for_user(user=request.user).exists()


class PartnerViewSet(ViewSet):
    menu_item_class = PartnerMenuItem
    add_to_admin_menu = True


class UploadLinkViewSet(PartnerViewSet):
    name = "intake_links"
    url_prefix = "intake/links"
    icon = "link"
    menu_label = _("Upload links")
    menu_order = 310

    def get_urlpatterns(self):
        return [
            path("", admin_views.link_index, name="index"),
            path("<int:pk>/revoke/", admin_views.link_revoke_view, name="revoke"),
        ]


class UploadViewSet(PartnerViewSet):
    name = "intake_uploads"
    url_prefix = "intake/uploads"
    icon = "upload"
    menu_label = _("Phone uploads")
    menu_order = 311

    def get_urlpatterns(self):
        return [
            path("", admin_views.upload_index, name="index"),
            path("<int:pk>/file/<str:part>/", admin_views.upload_file, name="file"),
            path("<int:pk>/approve/", admin_views.upload_approve_view, name="approve"),
            path("<int:pk>/reject/", admin_views.upload_reject_view, name="reject"),
        ]


@hooks.register("register_admin_viewset")
def register_intake_viewsets():
    return [UploadLinkViewSet(), UploadViewSet()]


@hooks.register("register_page_header_buttons")
def upload_link_button(page, user, view_name, next_url=None):
    """From a tandem's page in the admin straight to making its upload link."""
    if page.specific_class is TandemPage and tandems_for_user(user=user).filter(pk=page.pk).exists():
        url = f"{reverse('intake_links:index')}?tandem={page.pk}"
        yield Button(_("Upload link for phones"), url, icon_name="link", priority=80)
