from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.dashboard import staff_panel_register

from . import admin_views
from .selectors import retention_summary

# Staff see that retention runs: what the last run anonymised and what is due soon.
staff_panel_register(name="privacy_retention", template_name="privacy/dashboard_panel.html", order=60,
                     context=lambda: {"retention": retention_summary()})


@hooks.register("register_admin_urls")
def personal_data_urls():
    return [path("personal-data/", admin_views.personal_data, name="privacy_personal_data")]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return StaffMenuItem(_("Personal data requests"), reverse("privacy_personal_data"), icon_name="user", order=900)
