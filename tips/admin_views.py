"""Admin views for tips that need more than the viewset gives: per-partner object access and the tips map."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.snippets.views.snippets import EditView, HistoryView, InspectView, UsageView

from .selectors import tips_visible_to


class PartnerScopedMixin:
    """Another partner's tip is answered with 404, as if it did not exist, whatever its id."""

    def get_object(self, queryset=None):
        tip = super().get_object(queryset)
        if not tips_visible_to(user=self.request.user).filter(pk=tip.pk).exists():
            raise Http404
        return tip


class TipEditView(PartnerScopedMixin, EditView):
    pass


class TipInspectView(PartnerScopedMixin, InspectView):
    pass


class TipHistoryView(PartnerScopedMixin, HistoryView):
    pass


class TipUsageView(PartnerScopedMixin, UsageView):
    pass


def tips_map(request):
    """The tips the user may see, on a map (exact positions: the admin is trusted with them)."""
    tips = tips_visible_to(user=request.user).filter(latitude__isnull=False)[:5000]
    points = [
        {"lat": tip.latitude, "lon": tip.longitude, "label": f"{tip} · {tip.get_status_display()} · {tip.town}"}
        for tip in tips
    ]
    return render(request, "tips/admin/tips_map.html", {"points": points, "page_title": _("Map of tips")})
