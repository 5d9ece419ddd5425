"""The statistics screen in the Wagtail admin and its exports, each scoped to what the viewer may see."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .exports import export_response, figures_rows, tips_rows
from .statistics import statistics_allowed, statistics_for, tips_export_rows

BAR_WIDTH = 160


class PeriodForm(forms.Form):
    weeks = forms.TypedChoiceField(
        label=gettext_lazy("Period"), coerce=int, initial=12, required=False,
        choices=[(4, gettext_lazy("last 4 weeks")), (12, gettext_lazy("last 12 weeks")),
                 (26, gettext_lazy("last 26 weeks")), (52, gettext_lazy("last 52 weeks"))],
    )


def _since(request) -> tuple[PeriodForm, datetime.date]:
    form = PeriodForm(request.GET or None)
    weeks = (form.is_valid() and form.cleaned_data["weeks"]) or 12
    return form, timezone.localdate() - datetime.timedelta(weeks=weeks)


def _chart(rows, measures: list[str]) -> list[dict]:
    """Rows with, per measure, its value and the length of its bar (scaled to the largest in its column)."""
    largest = {name: max([getattr(figures, name) for _label, figures in rows] or [0]) or 1 for name in measures}
    return [{"label": label, "cells": [
        {"value": getattr(figures, name), "bar": round(getattr(figures, name) * BAR_WIDTH / largest[name])}
        for name in measures]} for label, figures in rows]


def statistics(request):
    if not statistics_allowed(user=request.user):
        raise PermissionDenied
    form, since = _since(request)
    stats = statistics_for(user=request.user, since=since)
    measures = ["visits", "tips", "outcomes"]
    return render(request, "reach/admin/statistics.html", {
        "page_title": _("Reach statistics"), "form": form, "stats": stats, "bar_width": BAR_WIDTH,
        "measures": measures, "query": request.GET.urlencode(),
        "weeks": _chart([(week, figures) for week, figures in stats.weeks], measures),
        "channels": _chart([(channel or _("direct or unknown"), f) for channel, f in stats.channels], measures),
        "appeals": _chart(stats.appeals, measures),
    })


def statistics_export(request, table: str, file_format: str):
    if not statistics_allowed(user=request.user):
        raise PermissionDenied
    if table not in {"figures", "tips"} or file_format not in {"csv", "xlsx"}:
        raise Http404
    _form, since = _since(request)
    if table == "figures":
        header, rows = figures_rows(statistics_for(user=request.user, since=since))
    else:
        header, rows = tips_rows(tips_export_rows(user=request.user, since=since))
    name = f"nahbar-{table}-{since.isoformat()}-{timezone.localdate().isoformat()}"
    return export_response(header=header, rows=rows, name=name, file_format=file_format)
