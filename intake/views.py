"""The public upload page and its small resumable upload API. No login: the link's token is the key."""

import json

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partners.selectors import partner_of_page

from .errors import IntakeRefused
from .models import Upload, UploadStatus
from .selectors import link_by_token, link_uploads
from .services import link_rate_check, upload_append, upload_receive_file, upload_start

MEGABYTE = 1024 * 1024


def _active_link(request, token):
    """The link, or a response that explains why nothing can be sent."""
    link = link_by_token(token=token)
    if link is None or not link.is_active:
        return None, render(request, "intake/link_closed.html", {"link": link}, status=410 if link else 404)
    return link, None


def _refused(error: IntakeRefused) -> JsonResponse:
    return JsonResponse({"error": str(error.message)}, status=error.status)


def upload_state(upload: Upload) -> dict:
    return {
        "id": str(upload.public_id), "name": upload.original_name, "caption": upload.caption,
        "size": upload.size, "offset": upload.received, "kind": upload.kind, "status": upload.status,
        "status_label": str(UploadStatus(upload.status).label), "error": upload.error,
    }


@require_http_methods(["GET", "POST"])
def upload_page(request, token):
    link, closed = _active_link(request, token)
    if closed:
        return closed
    if request.method == "POST":
        _receive_form(request, link)
        return redirect(request.path, status=303)
    return render(request, "intake/upload_page.html", {
        "link": link, "tandem": link.tandem, "uploads": link_uploads(link=link), "token": token,
        "partner": partner_of_page(page=link.tandem),
        "chunk_bytes": settings.INTAKE_CHUNK_BYTES, "texts": _script_texts(),
        "image_mb": settings.INTAKE_MAX_IMAGE_BYTES // MEGABYTE,
        "video_mb": settings.INTAKE_MAX_VIDEO_BYTES // MEGABYTE,
    })


def _script_texts() -> dict:
    """What the page's script says, translated here so the script holds no words of its own."""
    return {
        "waiting": _("waiting"), "sending": _("sending… %(percent)s %%"),
        "retrying": _("connection lost, trying again…"), "failed": _("not sent"),
        **{status.value: str(status.label) for status in UploadStatus},
    }


def _receive_form(request, link) -> None:
    """The plain form: every file is checked on its own, so one bad file does not lose the others."""
    caption = request.POST.get("caption", "").strip()
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, _("Please choose at least one photo or video."))
    for upload_file in files:
        try:
            upload_receive_file(link=link, name=upload_file.name, size=upload_file.size, source=upload_file,
                                caption=caption)
        except IntakeRefused as error:
            messages.error(request, f"{upload_file.name}: {error.message}")
        else:
            messages.success(request, _("%(name)s arrived.") % {"name": upload_file.name})


@require_http_methods(["POST"])
def file_create(request, token):
    link, closed = _active_link(request, token)
    if closed:
        return JsonResponse({"error": _("This upload link is no longer valid.")}, status=closed.status_code)
    try:
        data = json.loads(request.body or b"{}")
        if not isinstance(data, dict):
            raise ValueError("an object is expected")
        link_rate_check(link=link, bucket="requests")
        upload = upload_start(link=link, name=str(data.get("name", "")), size=int(data.get("size", 0)),
                              caption=str(data.get("caption", "")))
    except (ValueError, TypeError):
        return JsonResponse({"error": _("The request was not understood.")}, status=400)
    except IntakeRefused as error:
        return _refused(error)
    state = upload_state(upload)
    state["url"] = reverse("intake:file", kwargs={"token": token, "public_id": upload.public_id})
    return JsonResponse(state, status=201)


@require_http_methods(["GET", "HEAD", "PUT"])
def file_detail(request, token, public_id):
    """GET/HEAD: how much has arrived (Upload-Offset). PUT: the next piece, starting at Upload-Offset."""
    link, closed = _active_link(request, token)
    if closed:
        return JsonResponse({"error": _("This upload link is no longer valid.")}, status=closed.status_code)
    upload = get_object_or_404(Upload, link=link, public_id=public_id)
    if request.method == "PUT":
        try:
            link_rate_check(link=link, bucket="requests")
            offset = int(request.headers.get("Upload-Offset", ""))
            status = 200 if offset == upload.received else 409
            if status == 200:
                upload = upload_append(upload_id=upload.pk, offset=offset, stream=request)
        except ValueError:
            return JsonResponse({"error": _("The request was not understood.")}, status=400)
        except IntakeRefused as error:
            return _refused(error)
    else:
        status = 200
    # 409 tells a client that lost track where to continue, instead of writing at the wrong place.
    response = JsonResponse(upload_state(upload), status=status)
    response["Upload-Offset"] = str(upload.received)
    response["Cache-Control"] = "no-store"
    return response if request.method != "HEAD" else _headers_only(response)


def _headers_only(response: JsonResponse) -> HttpResponse:
    bare = HttpResponse(status=response.status_code)
    for header in ("Upload-Offset", "Cache-Control"):
        bare[header] = response[header]
    return bare
