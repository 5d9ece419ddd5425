"""Partner sections in the admin: onboarding on creation, and choosers that show only one's own section."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import access_views
from .isolation import collection_policy, scoped_api_endpoint
from .models import PartnerPage
from .selectors import partner_home_for_user, partner_section_page_count
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


def _partner_home(request) -> PartnerPage | None:
    if not hasattr(request, "_partner_home"):
        request._partner_home = partner_home_for_user(user=request.user)
    return request._partner_home


class SectionExplorerMenuItem(ExplorerMenuItem):
    """"Pages" opening the partner's own section: Wagtail would start at the root, above every language."""

    def __init__(self, item: ExplorerMenuItem, home: PartnerPage):
        super().__init__(item.label, reverse("wagtailadmin_explore", args=[home.pk]), name=item.name,
                         icon_name=item.icon_name, order=item.order)
        self.home = home

    def get_context(self, request):
        return {**super().get_context(request), "start_page_id": self.home.pk}

    def render_component(self, request):
        return PageExplorerMenuItemComponent(self.name, self.label, self.url, self.home.pk,
                                             icon_name=self.icon_name, classname=self.classname)


@hooks.register("construct_main_menu")
def explorer_starts_in_own_section(request, menu_items):
    home = _partner_home(request)
    if home:
        menu_items[:] = [SectionExplorerMenuItem(item, home) if isinstance(item, ExplorerMenuItem) else item
                         for item in menu_items]


class SectionPagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count of the partner's own section (in every language), not of the whole site."""

    def __init__(self, request, home: PartnerPage):
        super().__init__(request)
        self.home = home

    def get_context_data(self, parent_context):
        return {"root_page": self.home, "total_pages": partner_section_page_count(partner=self.home),
                "site_name": self.home.title}


@hooks.register("construct_homepage_summary_items")
def dashboard_counts_own_section(request, summary_items):
    home = _partner_home(request)
    if home:
        summary_items[:] = [SectionPagesSummaryItem(request, home) if isinstance(item, PagesSummaryItem) else item
                            for item in summary_items]

