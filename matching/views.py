"""The public side of matching: the two sign-up forms and the pages behind the links in e-mails.

Links in e-mails only show a page; the change happens on the button (POST), so a mail scanner that opens
links does not confirm, accept or decline anything on someone's behalf.
"""

import logging

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from localization.templatetags.localization_tags import isolate_text
from places.models import round_to_public
from tips.forms import started_token
from tips.ratelimit import client_over_limit

from .forms import OutcomeForm, RelayForm, SignUpForm
from .models import CompanyCampaignPage, CompanyRequest, Proposal
from .selectors import campaign_town_counts, proposal_relays
from .services import (
    proposal_answer,
    proposal_feedback,
    proposal_relay,
    request_confirm,
    request_submit,
    request_withdraw,
)
from .tokens import token_read
from .vocabulary import ProposalStatus, Role

logger = logging.getLogger(__name__)
ROLES = {"seek": Role.SEEKER, "offer": Role.HOST}


def _campaign(campaign_id: int) -> tuple[CompanyCampaignPage, CompanyCampaignPage]:
    """The page in the visitor's language, and the default-language page that sign-ups belong to."""
    page = get_object_or_404(CompanyCampaignPage.objects.live().public(), pk=campaign_id)
    return page, page.default_language_page()


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request, campaign_id: int, role: str):
    page, campaign = _campaign(campaign_id)
    role = ROLES.get(role)
    if role is None:
        raise Http404
    context = {"page": page, "campaign": campaign, "role": role, "closed": not campaign.is_open()}
    if request.method == "GET":
        initial = {"started": started_token(), "languages": [translation.get_language()]}
        return render(request, "matching/signup_form.html",
                      {**context, "form": SignUpForm(campaign=campaign, role=role, initial=initial)})
    if client_over_limit(request=request, scope="company"):
        return render(request, "tips/too_many.html", status=429)
    form = SignUpForm(request.POST, campaign=campaign, role=role)
    reason = form.bot_reason()
    if reason:
        logger.info("Company sign-up rejected as bot (%s)", reason)
        return redirect(reverse("matching:thanks") + "?email=1")
    if context["closed"] or not form.is_valid():
        return render(request, "matching/signup_form.html", {**context, "form": form})
    signed = request_submit(campaign=campaign, role=role, data=form.cleaned_data,
                            language=translation.get_language())
    return redirect(reverse("matching:thanks") + ("?email=1" if signed.email else ""))


@require_GET
def town_counts(request, campaign_id: int):
    """The campaign's public counts per town as GeoJSON for its map: towns and numbers, nobody's details."""
    _page, campaign = _campaign(campaign_id)
    features = [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round_to_public(row["longitude"]),
                                                      round_to_public(row["latitude"])]},
        "properties": {"town": row["town"], "count": row["count"], "text": ngettext(
            "%(count)s person in %(town)s is looking for company",
            "%(count)s people in %(town)s are looking for company", row["count"])
            % {"count": row["count"], "town": isolate_text(row["town"])}},
    } for row in campaign_town_counts(campaign=campaign)]
    response = JsonResponse({"type": "FeatureCollection", "features": features}, content_type="application/geo+json",
                            json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={settings.MAP_CACHE_SECONDS}"
    return response


def thanks(request):
    return render(request, "matching/thanks.html", {"by_email": request.GET.get("email") == "1"})


def _token_page(request, *, action: str, token: str, max_age: int | None = None) -> dict:
    values = token_read(action=action, token=token, max_age_seconds=max_age)
    if values is None:
        raise Http404
    return values


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    values = _token_page(request, action="confirm", token=token, max_age=settings.MATCHING_CONFIRM_HOURS * 3600)
    signed = CompanyRequest.objects.filter(pk=values.get("request")).first()
    if signed is None:
        raise Http404
    done = request.method == "POST"
    if done:
        request_confirm(request_id=signed.pk)
    return render(request, "matching/confirm.html", {"done": done, "signed": signed})


@never_cache
@require_http_methods(["GET", "POST"])
def recheck(request, token: str):
    values = _token_page(request, action="recheck", token=token, max_age=30 * 24 * 3600)
    signed = CompanyRequest.objects.filter(pk=values.get("request")).first()
    if signed is None:
        raise Http404
    choice = request.POST.get("choice") if request.method == "POST" else None
    if choice == "stay":
        request_confirm(request_id=signed.pk)
    elif choice == "withdraw":
        request_withdraw(request_id=signed.pk)
    return render(request, "matching/recheck.html", {"choice": choice, "signed": signed})


def _proposal_side(token: str, action: str) -> tuple[Proposal, str]:
    values = token_read(action=action, token=token)
    if values is None or values.get("side") not in {"seeker", "host"}:
        raise Http404
    proposal = Proposal.objects.select_related("seeker", "host", "seeker__campaign").filter(
        pk=values.get("proposal")).first()
    if proposal is None:
        raise Http404
    return proposal, values["side"]


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    proposal, side = _proposal_side(token, "answer")
    if request.method == "POST" and request.POST.get("answer") in {"yes", "no"}:
        proposal = proposal_answer(proposal_id=proposal.pk, side=side, accept=request.POST["answer"] == "yes")
    me, other = (proposal.seeker, proposal.host) if side == "seeker" else (proposal.host, proposal.seeker)
    context = {"proposal": proposal, "me": me, "other": other, "my_answer": getattr(proposal, f"{side}_accepted"),
               "open": proposal.status == ProposalStatus.SENT, "statuses": ProposalStatus,
               "relay": proposal_relays(proposal=proposal)}
    return render(request, "matching/answer.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def feedback(request, token: str):
    proposal, side = _proposal_side(token, "feedback")
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        proposal_feedback(proposal_id=proposal.pk, side=side, outcome=form.cleaned_data["outcome"],
                          reason=form.cleaned_data.get("reason") or "")
        return render(request, "matching/feedback.html", {"done": True})
    return render(request, "matching/feedback.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def relay(request, token: str):
    """A matched pair whose partner relays messages writes here; each message arrives with a link to answer."""
    proposal, side = _proposal_side(token, "relay")
    if proposal.status != ProposalStatus.MATCHED or not proposal_relays(proposal=proposal):
        raise Http404
    other = proposal.host if side == "seeker" else proposal.seeker
    form = RelayForm(request.POST or None)
    if request.method == "POST":
        if client_over_limit(request=request, scope="company-relay"):
            return render(request, "tips/too_many.html", status=429)
        if form.is_valid():
            proposal_relay(proposal=proposal, side=side, text=form.cleaned_data["text"])
            return render(request, "matching/relay.html", {"other": other, "done": True})
    return render(request, "matching/relay.html", {"other": other, "form": form})
