from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .statistics import statistics_allowed


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [
        path("reach/statistics/", admin_views.statistics, name="reach_statistics"),
        path("reach/statistics/<str:table>.<str:file_format>", admin_views.statistics_export,
             name="reach_statistics_export"),
    ]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return statistics_allowed(user=request.user)


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(_("Reach statistics"), reverse("reach_statistics"), icon_name="table", order=50)
