from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_views
from .selectors import retention_summary


class RetentionPanel(Component):
    """Staff see that retention runs: what the last run anonymised and what is due soon."""

    name = "privacy_retention"
    template_name = "privacy/dashboard_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["retention"] = retention_summary()
        return context


@hooks.register("construct_homepage_panels")
def add_retention_panel(request, panels):
    if request.user.is_superuser:
        panels.append(RetentionPanel())


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [path("personal-data/", admin_views.personal_data, name="privacy_personal_data")]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return StaffMenuItem(_("Personal data requests"), reverse("privacy_personal_data"), icon_name="user", order=900)
