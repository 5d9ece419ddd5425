"""The public "become a tandem" form: a mentor applies, with the newcomer's consent, for a tandem page."""

import logging

from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.converters import id_or_none
from tips.forms import started_token
from tips.ratelimit import client_count_accepted, client_over_limit

from .forms import TandemApplicationForm
from .selectors import partner_choice_for
from .services import tandem_application_submit

logger = logging.getLogger(__name__)
SCOPE = "tandem-application"


def _render(request, form, *, too_many: bool = False):
    return render(request, "tandems/apply.html", {"form": form, "too_many": too_many},
                  status=429 if too_many else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    if request.method == "GET":
        partner = partner_choice_for(id_or_none(request.GET.get("partner", "")))
        initial = {"started": started_token(), "partner": partner}
        return _render(request, TandemApplicationForm(initial=initial))
    form = TandemApplicationForm(request.POST, request.FILES)
    reason = form.bot_reason()
    if reason:
        logger.info("Tandem application rejected as bot (%s)", reason)  # answered like a success
        return redirect("tandems:thanks")
    if client_over_limit(request=request, scope=SCOPE):
        return _render(request, form, too_many=True)
    if not form.is_valid():
        return _render(request, form)
    tandem_application_submit(data=form.cleaned_data, language=translation.get_language())
    client_count_accepted(request=request, scope=SCOPE)
    return redirect("tandems:thanks")


def thanks(request):
    return render(request, "tandems/apply_thanks.html")
