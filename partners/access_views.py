"""Staff's screen for who has access to each partner: invite by e-mail, see members, revoke."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from .access import partner_access_revoke, partner_invite, partner_members
from .models import PartnerPage


def _partners():
    return PartnerPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")


class InviteForm(forms.Form):
    partner = forms.ModelChoiceField(label=gettext_lazy("Partner"), queryset=PartnerPage.objects.none())
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=[
        ("editors", gettext_lazy("editor: writes pages, handles tips")),
        ("moderators", gettext_lazy("moderator: also reviews and publishes")),
    ])
    language = forms.ChoiceField(label=gettext_lazy("Language of the invitation"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = _partners()
        self.fields["language"].initial = get_language()


def partner_access(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = InviteForm(request.POST or None)
    if request.method == "POST" and "revoke" in request.POST:
        partner = get_object_or_404(_partners(), pk=request.POST.get("partner"))
        user = get_object_or_404(partner_members(partner=partner), pk=request.POST.get("revoke"))
        partner_access_revoke(partner=partner, user=user)
        messages.success(request, _("Access revoked."))
        return redirect(request.path)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        partner_invite(partner=data["partner"], email=data["email"], role=data["role"], language=data["language"],
                       inviter=request.user)
        messages.success(request, _("The invitation is on its way."))
        return redirect(request.path)
    rows = [(partner, partner_members(partner=partner)) for partner in _partners()]
    return render(request, "partners/admin/access.html", {"form": form, "rows": rows,
                                                          "page_title": _("Partner access")},
                  status=400 if form.is_bound and form.errors else 200)
