"""The visitor's side of tips: the form (for one appeal, or a general offer), thanks, too many requests.

The form has a URL of its own and is never part of the appeal page: the appeal page stays the same for
every anonymous visitor (cacheable), while this page carries the CSRF token and the signed start time.
"""

import logging

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from appeals.models import AppealPage
from core.converters import id_or_none
from core.unavailable import DATABASE_UNAVAILABLE, unavailable_response
from partners.selectors import partner_of_page

from .forms import TipForm, channel_clean, started_token, submission_token
from .ratelimit import client_count_accepted, client_over_limit
from .selectors import appeal_taking_tips
from .services import tip_submit

logger = logging.getLogger(__name__)


def _initial(request) -> dict:
    via = request.GET.get("via") or request.GET.get("utm_source") or ""
    kind = request.GET.get("kind", "")
    return {"via": channel_clean(via), "started": started_token(), "submission": submission_token(),
            **({"kind": kind} if kind else {})}


def _render_form(request, *, form, appeal=None, closed=False, too_many=False):
    # A closed appeal shows what the visitor typed in the general offer form, so nothing is lost; so does
    # the "please wait" answer to a visitor over the limit.
    action = reverse("tips:appeal", args=[appeal.pk]) if appeal and not closed else reverse("tips:offer")
    partner = partner_of_page(page=appeal) if appeal else None
    context = {"form": form, "appeal": appeal, "closed": closed, "action": action, "too_many": too_many,
               "partner": partner}
    return render(request, "tips/tip_form.html", context, status=429 if too_many else 200)


def _handle(request, *, appeal: AppealPage | None):
    closed = appeal is not None and not appeal.is_open()
    if request.method == "GET":
        return _render_form(request, form=TipForm(initial=_initial(request)), appeal=appeal, closed=closed)
    form = TipForm(request.POST)
    reason = form.bot_reason()
    if reason:
        # Logged, not stored, and answered like a success so the bot learns nothing.
        logger.info("Tip rejected as bot (%s) from appeal %s", reason, appeal.pk if appeal else None)
        return redirect(reverse("tips:thanks"))
    if client_over_limit(request=request):
        return _render_form(request, form=form, appeal=appeal, closed=closed, too_many=True)
    if closed or not form.is_valid():
        return _render_form(request, form=form, appeal=appeal, closed=closed)
    tip_submit(appeal=appeal, data=form.cleaned_data, language=translation.get_language())
    client_count_accepted(request=request)
    thanks = reverse("tips:thanks")
    return redirect(f"{thanks}?appeal={appeal.pk}" if appeal else thanks)


def _kept_while_database_is_down(view):
    """While the database is away, a posted tip comes back in a page that keeps its text and asks to send it
    again in a moment (503); the form's submission token makes that second sending store one tip."""

    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DATABASE_UNAVAILABLE:
            if request.method != "POST":
                raise  # the site-wide 503 page (core.unavailable)
            logger.warning("Database unavailable while a tip was posted; the visitor is asked to send it again")
            form = TipForm(request.POST)
            return unavailable_response(request, template="tips/unavailable.html",
                                        context={"form": form, "action": request.get_full_path()})

    return wrapper


@never_cache
@require_http_methods(["GET", "POST"])
@_kept_while_database_is_down
def appeal_tip(request, appeal_id: int):
    appeal = appeal_taking_tips(appeal_id=appeal_id)
    if appeal is None:
        raise Http404
    return _handle(request, appeal=appeal)


@never_cache
@require_http_methods(["GET", "POST"])
@_kept_while_database_is_down
def offer(request):
    return _handle(request, appeal=None)


def thanks(request):
    appeal_id = id_or_none(request.GET.get("appeal", ""))
    appeal = appeal_taking_tips(appeal_id=appeal_id) if appeal_id else None
    return render(request, "tips/thanks.html", {"appeal": appeal})
