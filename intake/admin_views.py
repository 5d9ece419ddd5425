"""Admin views: partner editors give tandems upload links and approve or reject what arrives."""

import qrcode
import qrcode.image.svg
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from .errors import IntakeRefused
from .forms import ApproveForm, UploadLinkForm
from .selectors import links_for_user, uploads_for_user, uploads_waiting_for_user
from .services import link_create, link_revoke, upload_approve, upload_reject
from .storage import stored_path


def _qr_svg(url: str) -> str:
    svg = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    # The generated SVG holds only path data from the URL's bits; it contains no user text.
    return mark_safe(svg.to_string(encoding="unicode"))  # noqa: S308


def link_index(request):
    form = UploadLinkForm(request.POST or None, user=request.user, initial={"tandem": request.GET.get("tandem")})
    if request.method == "POST" and form.is_valid():
        link, token = link_create(user=request.user, **form.cleaned_data)
        url = request.build_absolute_uri(_link_path(link, token))
        return render(request, "intake/admin/link_created.html", {"link": link, "url": url, "qr": _qr_svg(url)})
    links = links_for_user(user=request.user).select_related("created_by")
    return render(request, "intake/admin/link_index.html", {"form": form, "links": links})


def _link_path(link, token: str) -> str:
    from django.utils import translation

    with translation.override(link.language):
        return reverse("intake:page", kwargs={"token": token})


@require_POST
def link_revoke_view(request, pk):
    link = get_object_or_404(links_for_user(user=request.user), pk=pk)
    link_revoke(link=link)
    messages.success(request, _("The upload link for %(tandem)s is switched off.") % {"tandem": link.tandem})
    return redirect("intake_links:index")


def upload_index(request):
    uploads = uploads_waiting_for_user(user=request.user)
    return render(request, "intake/admin/upload_index.html", {"uploads": uploads, "approve_form": ApproveForm()})


def upload_file(request, pk, part):
    """The waiting files, served only to the people who may moderate them."""
    upload = get_object_or_404(uploads_for_user(user=request.user), pk=pk)
    relative = {"file": upload.file_path, "poster": upload.poster_path}.get(part)
    if not relative or not stored_path(relative).exists():
        raise Http404
    response = FileResponse(open(stored_path(relative), "rb"))  # noqa: SIM115 (closed by FileResponse)
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def upload_approve_view(request, pk):
    upload = get_object_or_404(uploads_for_user(user=request.user), pk=pk)
    form = ApproveForm(request.POST)
    form.is_valid()
    try:
        published = upload_approve(upload=upload, user=request.user, **form.cleaned_data)
    except IntakeRefused as error:
        messages.error(request, error.message)
    else:
        message = _("Added to %(tandem)s and published.") if published else \
            _("Added to a draft of %(tandem)s; it appears once the page is published.")
        messages.success(request, message % {"tandem": upload.link.tandem}, buttons=[
            messages.button(reverse("wagtailadmin_pages:edit", args=[upload.link.tandem_id]), _("Edit page"))])
    return redirect("intake_uploads:index")


@require_POST
def upload_reject_view(request, pk):
    upload = get_object_or_404(uploads_for_user(user=request.user), pk=pk)
    upload_reject(upload=upload, user=request.user)
    messages.success(request, _("The upload was rejected and its files removed."))
    return redirect("intake_uploads:index")
