"""Staff answer a request made by letter or phone: find what is held about an address, export it, erase it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import ErasureRecord
from .selectors import personal_data_held
from .services import personal_data_erase


class AddressForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=254)


def personal_data(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = AddressForm(request.POST or request.GET or None)
    email = form.cleaned_data["email"] if form.is_valid() else None
    if email and request.method == "POST":
        record = personal_data_erase(email=email, by_user=request.user)
        messages.success(request, _("%(count)d records erased.") % {"count": record.records})
        return redirect(reverse("privacy_personal_data"))
    held = personal_data_held(email=email) if email else []
    if email and request.GET.get("export"):
        response = JsonResponse({"email": email, "held": [
            {"kind": str(section["kind"]), "records": [dict(record) for record in section["records"]]}
            for section in held]}, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response
    return render(request, "privacy/admin/personal_data.html", {
        "form": form, "email": email, "held": held, "page_title": _("Personal data requests"),
        "erasures": ErasureRecord.objects.select_related("by_user")[:20],
    })
