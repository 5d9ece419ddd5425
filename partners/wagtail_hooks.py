"""Partner sections in the admin: onboarding on creation, and choosers that show only one's own section."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import access_views
from .isolation import collection_policy, scoped_api_endpoint
from .models import PartnerPage
from .services import partner_provision


@hooks.register("after_create_page")
def onboard_partner_created_in_admin(request, page):
    if isinstance(page, PartnerPage):
        partner_provision(partner=page)


@hooks.register("construct_page_chooser_queryset")
def only_explorable_pages(pages, request):
    """Wagtail's page chooser lists every page; a partner must not even see another partner's titles."""
    if request.user.is_superuser:
        return pages
    explorable = PagePermissionPolicy(Page).explorable_instances(request.user)
    return pages.filter(pk__in=explorable.values_list("pk", flat=True))


@hooks.register("before_move_page")
def refuse_moves_without_permission(request, page, destination):
    """Wagtail's move confirmation shows both pages' titles before it checks permissions; check first."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("after_copy_page")
def onboard_copied_partner(request, page, new_page):
    """A copied partner page is a new organisation: it must not share the original's groups and media."""
    partner = new_page.specific
    if isinstance(partner, PartnerPage) and partner.locale_id == page.locale_id:
        partner.editors_group = partner.moderators_group = partner.collection = None
        partner_provision(partner=partner)


@hooks.register("construct_admin_api", order=1000)  # after wagtail.images and .documents register theirs
def scope_admin_api_to_permitted_collections(router):
    """The admin API lists images and documents of every collection; limit each media endpoint to the user's."""
    for name, endpoint in list(router._endpoints.items()):
        if collection_policy(endpoint.model):
            router.register_endpoint(name, scoped_api_endpoint(endpoint))


@hooks.register("register_admin_urls")
def partner_access_urls():
    return [path("partner-access/", access_views.partner_access, name="partner_access")]


class StaffOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def partner_access_menu_item():
    return StaffOnlyMenuItem(_("Partner access"), reverse("partner_access"), icon_name="group", order=150)
