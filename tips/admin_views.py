"""Admin views for tips beyond the viewset: per-partner object access, the reading view and the tips map."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import EditView, HistoryView, InspectView, UsageView

from . import admin_forms, desk_services
from .desk_selectors import tip_history, tip_outcome, tip_tandem
from .models import TipEventKind
from .selectors import tips_visible_to


class PartnerScopedMixin:
    """Another partner's tip is answered with 404, as if it did not exist, whatever its id.

    Wagtail's views call get_object with and without a queryset; both are passed on as given.
    """

    def get_object(self, *args, **kwargs):
        tip = super().get_object(*args, **kwargs)
        if not tips_visible_to(user=self.request.user).filter(pk=tip.pk).exists():
            raise Http404
        return tip


class TipEditView(PartnerScopedMixin, EditView):
    pass


class TipHistoryView(PartnerScopedMixin, HistoryView):
    pass


class TipUsageView(PartnerScopedMixin, UsageView):
    pass


def _forms(tip, tandem, data=None, action=None):
    """Every action's form, unbound except the one that was posted (which keeps what was typed)."""
    forms = {
        "assign": lambda d: admin_forms.AssignForm(d, tip=tip),
        "status": lambda d: admin_forms.StatusForm(d, tip=tip),
        "note": lambda d: admin_forms.NoteForm(d),
        "reply": lambda d: admin_forms.ReplyForm(d),
        "forward": lambda d: admin_forms.ForwardForm(d),
        "outcome": lambda d: admin_forms.OutcomeForm(d, tandem=tandem),
    }
    return {name: make(data if name == action else None) for name, make in forms.items()}


class TipReadingView(PartnerScopedMixin, InspectView):
    """The tip as a partner reads and handles it: message, contact data, place, history and the next steps."""

    template_name = "tips/admin/tip_reading.html"
    page_title = gettext_lazy("Tip")

    DONE = {
        "assign": gettext_lazy("The tip is assigned."),
        "status": gettext_lazy("The status is changed."),
        "note": gettext_lazy("Your note is saved."),
        "reply": gettext_lazy("Your reply is on its way to the tipster."),
        "forward": gettext_lazy("The tip is on its way to the mentor."),
        "outcome": gettext_lazy("The outcome is recorded."),
    }

    def get_fields(self):
        return []

    def get_context_data(self, forms=None, **kwargs):
        context = super().get_context_data(**kwargs)
        tip = self.object
        tandem = tip_tandem(tip=tip)
        show_contact = self.request.GET.get("contact") == "1" and tip.has_contact
        if show_contact:
            desk_services.tip_event_log(tip=tip, user=self.request.user, kind=TipEventKind.CONTACT_VIEWED)
        context.update(tip=tip, tandem=tandem, outcome=tip_outcome(tip=tip), show_contact=show_contact,
                       history=tip_history(tip=tip, user=self.request.user),
                       forms=forms or _forms(tip, tandem), appeal_closed=bool(tip.appeal and tip.appeal.closed_on))
        return context

    def post(self, request, *args, **kwargs):
        tip, action = self.object, request.POST.get("action", "")
        tandem = tip_tandem(tip=tip)
        forms = _forms(tip, tandem, request.POST, action)
        form = forms.get(action)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                with transaction.atomic():
                    self._act(action, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, self.DONE[action])
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(forms=forms), status=400)

    def _act(self, action, data):
        tip, user = self.object, self.request.user
        if action == "assign":
            desk_services.tip_assign(tip=tip, user=user, assignee=data["assignee"])
        elif action == "status":
            desk_services.tip_status_change(tip=tip, user=user, status=data["status"])
        elif action == "note":
            desk_services.tip_note_add(tip=tip, user=user, text=data["text"])
        elif action == "reply":
            desk_services.tip_reply(tip=tip, user=user, text=data["text"])
        elif action == "forward":
            desk_services.tip_forward(tip=tip, user=user, text=data["text"])
        else:
            closed = desk_services.tip_outcome_record(tip=tip, user=user, status=data["status"], on=data["on"],
                                                      note=data["note"])
            if closed:
                messages.info(self.request, _("The appeal is closed in every language and takes no more tips."))


def tips_map(request):
    """The tips the user may see, on a map (exact positions: the admin is trusted with them)."""
    tips = tips_visible_to(user=request.user).filter(latitude__isnull=False)[:5000]
    points = [
        {"lat": tip.latitude, "lon": tip.longitude, "label": f"{tip} · {tip.get_status_display()} · {tip.town}"}
        for tip in tips
    ]
    return render(request, "tips/admin/tips_map.html", {"points": points, "page_title": _("Map of tips")})
