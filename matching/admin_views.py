"""Admin views for matching: a request with its suggestions, the dry run, review and send, the figures."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.snippets.views.snippets import CreateView, EditView, HistoryView, InspectView, UsageView

from .forms import OutcomeForm
from .models import CompanyCampaignPage, CompanyRequest
from .selectors import (
    matching_figures,
    proposal_relays,
    proposals_visible_to,
    request_suggestions,
    requests_visible_to,
    user_sections,
)
from .services import (
    proposal_add,
    proposal_answer,
    proposal_feedback,
    proposals_dry_run,
    proposals_send,
    request_confirm,
)
from .vocabulary import ProposalStatus, Role, Status

SIDES = ("seeker", "host")


class PartnerScopedMixin:
    """Another partner's request is answered with 404, as if it did not exist, whatever its id."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not requests_visible_to(user=self.request.user).filter(pk=instance.pk).exists():
            raise Http404
        return instance


class RequestInspectView(PartnerScopedMixin, InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.object
        suggestions = request_suggestions(request=request) if request.status == Status.WAITING or (
            request.is_host and request.status in {Status.WAITING, Status.PROPOSED}) else []
        others = CompanyRequest.objects.in_bulk([pair.host_id if not request.is_host else pair.seeker_id
                                                 for pair in suggestions])
        context["suggestions"] = [
            {"pair": pair, "other": others[pair.seeker_id if request.is_host else pair.host_id]}
            for pair in suggestions
        ]
        context["request_obj"] = request
        context["proposals"] = proposals_visible_to(user=self.request.user).filter(
            Q(seeker=request) | Q(host=request)).exclude(status=ProposalStatus.DRAFT)
        return context


class RequestEditView(PartnerScopedMixin, EditView):
    pass


class RequestCreateView(CreateView):
    pass


class RequestHistoryView(PartnerScopedMixin, HistoryView):
    pass


class RequestUsageView(PartnerScopedMixin, UsageView):
    pass


def _section(request):
    """The campaign and section (a partner, or staff's own for "0") asked for, if the user may match there."""
    sections = {str(partner.pk) if partner else "0": partner for partner in user_sections(user=request.user)}
    if not sections:
        raise PermissionDenied
    key = request.POST.get("section") or request.GET.get("section") or next(iter(sections))
    if key not in sections:
        raise PermissionDenied
    campaigns = CompanyCampaignPage.objects.filter(locale__language_code="de").order_by("-starts_on")
    campaign_id = request.POST.get("campaign") or request.GET.get("campaign")
    campaign = campaigns.filter(pk=campaign_id).first() if campaign_id else campaigns.first()
    return campaign, key, sections[key], campaigns, sections


def _back(campaign, key: str):
    return redirect(f"{reverse('matching_admin:index')}?campaign={campaign.pk if campaign else ''}&section={key}")


def matching_index(request):
    campaign, key, partner, campaigns, sections = _section(request)
    proposals = proposals_visible_to(user=request.user).filter(seeker__campaign=campaign, seeker__partner=partner)
    waiting = CompanyRequest.objects.filter(campaign=campaign, partner=partner, status=Status.WAITING)
    context = {
        "campaign": campaign, "campaigns": campaigns, "section_key": key, "sections": sections,
        "drafts": proposals.filter(status=ProposalStatus.DRAFT).order_by("-score"),
        "sent": proposals.exclude(status=ProposalStatus.DRAFT).order_by("-sent_at")[:200],
        "waiting_seekers": waiting.filter(role=Role.SEEKER).count(),
        "waiting_hosts": waiting.filter(role=Role.HOST).count(),
        "page_title": _("Matching"),
    }
    return render(request, "matching/admin/index.html", context)


@require_POST
def dry_run_view(request):
    campaign, key, partner, _campaigns, _sections = _section(request)
    if campaign is None:
        raise Http404
    drafts = proposals_dry_run(campaign=campaign, partner=partner, user=request.user)
    messages.success(request, ngettext("Dry run: %(count)d pair proposed. Review it, then send.",
                                       "Dry run: %(count)d pairs proposed. Review them, then send.",
                                       len(drafts)) % {"count": len(drafts)})
    return _back(campaign, key)


@require_POST
def send_view(request):
    campaign, key, partner, _campaigns, _sections = _section(request)
    drafts = proposals_visible_to(user=request.user).filter(
        seeker__campaign=campaign, seeker__partner=partner, status=ProposalStatus.DRAFT)
    sent = proposals_send(proposals=list(drafts))
    messages.success(request, _("%(count)d proposals sent.") % {"count": sent})
    return _back(campaign, key)


@require_POST
def drop_view(request, pk: int):
    proposal = get_object_or_404(proposals_visible_to(user=request.user), pk=pk, status=ProposalStatus.DRAFT)
    campaign, partner = proposal.seeker.campaign, proposal.seeker.partner
    proposal.delete()
    messages.success(request, _("The pair was dropped."))
    return _back(campaign, str(partner.pk) if partner else "0")


@require_POST
def propose_view(request, pk: int, other: int):
    """Add one of a request's suggestions as a draft: after dropping a pair, this is how a swap is done."""
    visible = requests_visible_to(user=request.user)
    me = get_object_or_404(visible, pk=pk)
    pair = next((pair for pair in request_suggestions(request=me)
                 if other in (pair.seeker_id, pair.host_id)), None)
    if pair is None:
        raise Http404
    seeker, host = (get_object_or_404(visible, pk=pair.seeker_id), get_object_or_404(visible, pk=pair.host_id))
    proposal_add(seeker=seeker, host=host, pair=pair, user=request.user)
    messages.success(request, _("Added to the drafts."))
    return _back(me.campaign, str(me.partner_id) if me.partner_id else "0")


@require_POST
def confirm_view(request, pk: int):
    """Partner staff confirm a person without e-mail after speaking to them."""
    me = get_object_or_404(requests_visible_to(user=request.user), pk=pk)
    request_confirm(request_id=me.pk, by_staff=True)
    messages.success(request, _("Confirmed."))
    return redirect(reverse("wagtailsnippets_matching_companyrequest:inspect", args=[me.pk]))


def proposal_view(request, pk: int):
    """One sent proposal, where partner staff record what a person without e-mail said on the phone."""
    proposal = get_object_or_404(proposals_visible_to(user=request.user), pk=pk)
    sides = [{"side": side, "person": getattr(proposal, side), "answer": getattr(proposal, f"{side}_accepted"),
              "outcome": getattr(proposal, f"get_{side}_outcome_display")(),
              "reason": getattr(proposal, f"{side}_reason"), "form": OutcomeForm(prefix=side)}
             for side in SIDES]
    return render(request, "matching/admin/proposal.html", {
        "proposal": proposal, "sides": sides, "statuses": ProposalStatus, "relay": proposal_relays(proposal=proposal),
        "page_title": _("Proposal %(number)s") % {"number": proposal.pk},
    })


def _side_of(request, pk: int):
    proposal = get_object_or_404(proposals_visible_to(user=request.user), pk=pk)
    side = request.POST.get("side")
    if side not in SIDES:
        raise Http404
    return proposal, side


@require_POST
def proposal_answer_view(request, pk: int):
    """The answer given on the phone takes the same path as the signed link: same seat lock, same contact mails."""
    proposal, side = _side_of(request, pk)
    answer = request.POST.get("answer")
    if proposal.status != ProposalStatus.SENT or answer not in {"yes", "no"}:
        messages.error(request, _("This proposal no longer waits for answers."))
    else:
        proposal = proposal_answer(proposal_id=proposal.pk, side=side, accept=answer == "yes")
        messages.success(request, _("Answer recorded. Now: %(status)s.") % {"status": proposal.get_status_display()})
    return redirect(reverse("matching_admin:proposal", args=[proposal.pk]))


@require_POST
def proposal_feedback_view(request, pk: int):
    proposal, side = _side_of(request, pk)
    form = OutcomeForm(request.POST, prefix=side)
    if proposal.status != ProposalStatus.MATCHED or not form.is_valid():
        messages.error(request, _("Feedback can be recorded for pairs who both said yes, with an answer chosen."))
    else:
        proposal_feedback(proposal_id=proposal.pk, side=side, outcome=form.cleaned_data["outcome"],
                          reason=form.cleaned_data.get("reason") or "")
        messages.success(request, _("Feedback recorded."))
    return redirect(reverse("matching_admin:proposal", args=[proposal.pk]))


def report_view(request):
    figures = matching_figures(requests=requests_visible_to(user=request.user))
    return render(request, "matching/admin/report.html", {"figures": figures, "page_title": _("Matching figures")})
