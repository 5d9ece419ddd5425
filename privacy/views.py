"""A person asks what the portal holds about their e-mail address, reads it, and has it erased."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_http_methods

from .forms import AccessRequestForm
from .selectors import access_link_email, personal_data_held
from .services import access_link_send, personal_data_erase


@require_http_methods(["GET", "POST"])
def access_request(request):
    form = AccessRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        access_link_send(email=form.cleaned_data["email"], language=translation.get_language())
        # The same answer whether or not anything is held: the page must not tell strangers who wrote to us.
        return render(request, "privacy/access_sent.html", {"email": form.cleaned_data["email"],
                                                              "hours": settings.PRIVACY_LINK_HOURS})
    return render(request, "privacy/access_request.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def access_data(request, token):
    email = access_link_email(token=token, max_age=settings.PRIVACY_LINK_HOURS * 3600)
    if email is None:
        return render(request, "privacy/access_expired.html", status=410)
    if request.method == "POST":
        record = personal_data_erase(email=email)
        return render(request, "privacy/access_erased.html", {"email": email, "record": record})
    return render(request, "privacy/access_data.html", {"email": email, "held": personal_data_held(email=email)})
