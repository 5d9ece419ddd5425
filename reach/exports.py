"""The statistics and the tips list as CSV or Excel files: the same rows, two writers."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .statistics import Statistics

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    # Tip texts are typed by strangers: a leading "=" must not become a formula in the partner's spreadsheet.
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def figures_rows(stats: Statistics) -> tuple[list[str], list[list]]:
    header = [_("Table"), _("Row"), _("Visits"), _("Tips"), _("Outcomes")]
    rows = [[_("Appeal"), appeal.title, f.visits, f.tips, f.outcomes] for appeal, f in stats.appeals]
    rows += [[_("Channel"), channel or _("direct or unknown"), f.visits, f.tips, f.outcomes]
             for channel, f in stats.channels]
    rows += [[_("Week"), week.isoformat(), f.visits, f.tips, f.outcomes] for week, f in stats.weeks]
    return header, rows


def tips_rows(tips) -> tuple[list[str], list[list]]:
    header = [_("Number"), _("Received"), _("Appeal"), _("Partner"), _("Kind"), _("Status"), _("Channel"),
              _("Language"), _("Town"), _("Employer or organisation"), _("Message"), _("Name"), _("E-mail"),
              _("Phone"), _("Consent to be contacted")]
    rows = [[tip.pk, timezone.localtime(tip.created_at).strftime("%Y-%m-%d %H:%M"),
             tip.appeal.title if tip.appeal else "", tip.partner.title if tip.partner else "",
             tip.get_kind_display(), tip.get_status_display(), tip.channel, tip.language, tip.town, tip.employer,
             tip.message, tip.name, tip.email, tip.phone, _("yes") if tip.consent else _("no")] for tip in tips]
    return header, rows


def export_response(*, header: list[str], rows: list[list], name: str, file_format: str) -> HttpResponse:
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows([[_cell(value) for value in row] for row in rows])
        # A byte order mark, so Excel opens umlauts and Arabic as UTF-8.
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        book = Workbook()
        sheet = book.active
        sheet.append(header)
        for row in rows:
            sheet.append([_cell(value) for value in row])
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    response["Cache-Control"] = "private, no-store"
    return response
