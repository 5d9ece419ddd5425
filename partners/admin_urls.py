"""Scoped stand-ins for Wagtail admin views that read across sections; portal/urls.py puts them first."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from .isolation import pages_visible_to


class ScopedPageTypesUsageReportView(PageTypesUsageReportView):
    """Counts stay network-wide (as on the home page), but "last edited" names only the user's own pages."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        if self.request.user.is_superuser:
            return page_types
        visible = set(pages_visible_to(user=self.request.user).filter(
            pk__in=[item.last_edited_page_id for item in page_types if item.last_edited_page_id],
        ).values_list("pk", flat=True))
        for item in page_types:
            if item.last_edited_page_id not in visible:
                item.last_edited_page = None
        return page_types


def _admin_view(view_class, **initkwargs):
    return never_cache(require_admin_access(view_class.as_view(**initkwargs)))


urlpatterns = [
    path("reports/page-types-usage/", _admin_view(ScopedPageTypesUsageReportView)),
    path("reports/page-types-usage/results/", _admin_view(ScopedPageTypesUsageReportView, results_only=True)),
]
