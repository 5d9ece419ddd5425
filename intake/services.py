"""Writing intake data: links, receiving files in pieces, processing them, approving or rejecting."""

import hashlib
import secrets
import shutil
from datetime import timedelta
from typing import BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.ratelimit import counter_exceeds
from core.visitor_text import printable

from .errors import IntakeRefused
from .images import image_sanitize
from .models import Upload, UploadKind, UploadLink, UploadStatus
from .sniffing import SNIFF_BYTES, file_kind, file_type_sniff
from .storage import partial_path, relative_path, stored_path, upload_files_delete, upload_folder
from .videos import video_probe

COPY_PIECE = 64 * 1024


class _Piece:
    """At most `size` bytes of `source`, read like a request body: the plain form's whole file goes through
    the same piece-sized writes as the resumable path, each piece ending where the next begins (reading the
    file itself, the first piece saw more bytes and was refused as "larger than announced")."""

    def __init__(self, source: BinaryIO, size: int):
        self.source, self.left = source, size

    def read(self, size: int = -1) -> bytes:
        size = self.left if size < 0 else min(size, self.left)
        data = self.source.read(size) if size else b""
        self.left -= len(data)
        return data


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_create(*, tandem, user, language: str, days: int | None = None) -> tuple[UploadLink, str]:
    """A new link and its token; the token is returned once and never stored."""
    token = secrets.token_urlsafe(32)
    link = UploadLink.objects.create(
        tandem=tandem, created_by=user, language=language, token_hash=token_digest(token),
        expires_at=timezone.now() + timedelta(days=days or settings.INTAKE_LINK_DAYS),
    )
    return link, token


def link_revoke(*, link: UploadLink) -> None:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])


def link_rate_check(*, link: UploadLink, bucket: str) -> None:
    """Counts requests per link in the shared cache, so every app server enforces the same limit."""
    limit, seconds = {
        "files": (settings.INTAKE_FILES_PER_HOUR, 3600),
        "requests": (settings.INTAKE_REQUESTS_PER_MINUTE, 60),
    }[bucket]
    key = f"intake:rate:{bucket}:{link.pk}:{int(timezone.now().timestamp()) // seconds}"
    if counter_exceeds(key=key, limit=limit, seconds=seconds):
        raise IntakeRefused(_("Too many uploads in a short time. Please wait a little and try again."), status=429)


def _size_check(*, size: int, kind: str | None) -> None:
    if size <= 0:
        raise IntakeRefused(_("This file is empty."))
    limits = {"image": settings.INTAKE_MAX_IMAGE_BYTES, "video": settings.INTAKE_MAX_VIDEO_BYTES}
    limit = limits[kind] if kind else max(limits.values())
    if size > limit:
        raise IntakeRefused(_("This file is too large. The limit is %(megabytes)s MB.")
                            % {"megabytes": limit // (1024 * 1024)}, status=413)


def _kind_check(*, head: bytes) -> str:
    file_type = file_type_sniff(head=head)
    allowed = settings.INTAKE_IMAGE_TYPES + settings.INTAKE_VIDEO_TYPES
    if file_type not in allowed:
        raise IntakeRefused(_("This is not a photo or video we accept (JPEG, PNG, HEIC, MP4, MOV, WebM)."),
                            status=415)
    return file_kind(file_type=file_type)


def photo_check(*, head: bytes, size: int) -> None:
    """A photo from a public form, judged before anything is stored: by its first bytes and its size."""
    if file_type_sniff(head=head) not in settings.INTAKE_IMAGE_TYPES:
        raise IntakeRefused(_("This is not a photo we accept (JPEG, PNG, HEIC)."), status=415)
    _size_check(size=size, kind="image")


def upload_start(*, link: UploadLink, name: str, size: int, caption: str = "") -> Upload:
    """Announce a file that will arrive in pieces. Name and caption come from the phone (as JSON too, which
    no middleware reads): control characters such as NUL are dropped, they cannot be stored."""
    link_rate_check(link=link, bucket="files")
    _size_check(size=size, kind=None)
    upload = Upload.objects.create(link=link, original_name=printable(name)[:255], size=size,
                                   caption=printable(caption)[:250])
    partial_path(public_id=upload.public_id).touch()
    return upload


def _fail(upload: Upload, error: IntakeRefused) -> None:
    upload_files_delete(public_id=upload.public_id)
    Upload.objects.filter(pk=upload.pk).update(status=UploadStatus.FAILED, error=str(error.message)[:300])


def upload_append(*, upload_id: int, offset: int, stream: BinaryIO) -> Upload:
    """Write one piece at `offset`. Whatever arrived before a dropped connection is kept, so the
    client asks for the offset and continues from there."""
    with transaction.atomic():
        upload = Upload.objects.select_for_update().get(pk=upload_id)
        if upload.status != UploadStatus.RECEIVING:
            raise IntakeRefused(_("This file is already complete."), status=409)
        if offset != upload.received:
            return upload
        upload.received += _write_piece(upload, stream)
        upload.save(update_fields=["received", "updated_at"])
    try:
        _early_check(upload)
        if upload.received >= upload.size:
            upload_complete(upload=upload)
    except IntakeRefused as error:
        _fail(upload, error)
        raise
    return upload


def _write_piece(upload: Upload, stream: BinaryIO) -> int:
    allowed = min(settings.INTAKE_CHUNK_BYTES, upload.size - upload.received)
    written = 0
    with open(partial_path(public_id=upload.public_id), "r+b") as target:
        target.seek(upload.received)
        target.truncate()
        while written < allowed:
            try:
                piece = stream.read(min(COPY_PIECE, allowed - written))
            except OSError:  # the phone lost its connection: keep what arrived, the client resumes
                break
            if not piece:
                break
            target.write(piece)
            written += len(piece)
    if written == allowed and stream.read(1):
        raise IntakeRefused(_("This piece is larger than announced."), status=413)
    return written


def _early_check(upload: Upload) -> None:
    """Refuse a disguised or oversized file after its first bytes, not after minutes of uploading."""
    if upload.kind or upload.received < min(SNIFF_BYTES, upload.size):
        return
    with open(partial_path(public_id=upload.public_id), "rb") as source:
        upload.kind = _kind_check(head=source.read(SNIFF_BYTES))
    _size_check(size=upload.size, kind=upload.kind)
    Upload.objects.filter(pk=upload.pk).update(kind=upload.kind)


def upload_receive_file(*, link: UploadLink, name: str, size: int, source: BinaryIO, caption: str = "") -> Upload:
    """A whole file from the plain form (no JavaScript), fed through the same pieces as the chunked path.
    Whatever refuses it marks the row failed with the reason: no row is left waiting for bytes."""
    upload = upload_start(link=link, name=name, size=size, caption=caption)
    try:
        while upload.status == UploadStatus.RECEIVING:
            before = upload.received
            piece = _Piece(source, settings.INTAKE_CHUNK_BYTES)
            upload = upload_append(upload_id=upload.pk, offset=upload.received, stream=piece)
            if upload.received == before and upload.status == UploadStatus.RECEIVING:
                raise IntakeRefused(_("This file arrived incomplete."))
    except IntakeRefused as error:
        _fail(upload, error)
        raise
    return upload


@transaction.atomic
def upload_complete(*, upload: Upload) -> None:
    """All bytes are here: images are cleaned at once, videos are checked and queued for ffmpeg.

    The video task is queued once the row says PROCESSING and is committed: without Redis (`make run`) the
    task runs at once, in this process, and used to find the row still RECEIVING and do nothing.
    """
    partial = partial_path(public_id=upload.public_id)
    folder = upload_folder(public_id=upload.public_id)
    if upload.kind == UploadKind.IMAGE:
        target = folder / "image.jpg"
        upload.width, upload.height = image_sanitize(source=partial, target=target)
        partial.unlink()
        upload.status = UploadStatus.PENDING
    else:
        facts = video_probe(source=partial)
        target = folder / "original"
        shutil.move(partial, target)
        upload.width, upload.height, upload.duration = facts.width, facts.height, facts.duration
        upload.status = UploadStatus.PROCESSING
    upload.file_path = relative_path(target)
    upload.save()
    if upload.status == UploadStatus.PROCESSING:
        transaction.on_commit(lambda: _queue_video(upload.pk))


def _queue_video(upload_id: int) -> None:
    """Never fails or stalls the upload request: a video the broker did not take is queued by the sweep."""
    from core.broker import task_publish

    from .tasks import upload_process_video_task

    task_publish(upload_process_video_task, args=[upload_id])


def upload_sweep_processing(*, now=None) -> tuple[int, int]:
    """Videos whose task was lost (broker outage, a worker killed) would say "processing" forever.

    One untouched for INTAKE_PROCESSING_STALE_MINUTES is queued again; one still not done
    INTAKE_PROCESSING_GIVE_UP_HOURS after it arrived is marked failed, with a reason the partner sees.
    Returns (queued again, given up).
    """
    now = now or timezone.now()
    processing = Upload.objects.filter(status=UploadStatus.PROCESSING)
    hopeless = list(processing.filter(created_at__lt=now - timedelta(hours=settings.INTAKE_PROCESSING_GIVE_UP_HOURS)))
    for upload in hopeless:
        _fail(upload, IntakeRefused(_("The video could not be prepared in time. Please send it again.")))
    stale = processing.filter(updated_at__lt=now - timedelta(minutes=settings.INTAKE_PROCESSING_STALE_MINUTES))
    stale_ids = list(stale.exclude(pk__in=[upload.pk for upload in hopeless]).values_list("pk", flat=True))
    Upload.objects.filter(pk__in=stale_ids).update(updated_at=now)  # the next sweep waits for this attempt
    for upload_id in stale_ids:
        _queue_video(upload_id)
    return len(stale_ids), len(hopeless)


def upload_process_video(*, upload: Upload) -> None:
    """Poster frame and web-playable mp4 without metadata; the original leaves the server."""
    from .videos import video_make_poster, video_make_web_copy

    folder = upload_folder(public_id=upload.public_id)
    original = folder / "original"
    try:
        facts = video_probe(source=original)
        video_make_poster(source=original, target=folder / "poster.jpg", facts=facts)
        video_make_web_copy(source=original, target=folder / "video.mp4", facts=facts)
    except IntakeRefused as error:
        _fail(upload, error)
        return
    original.unlink()
    upload.file_path = relative_path(folder / "video.mp4")
    upload.poster_path = relative_path(folder / "poster.jpg")
    upload.status = UploadStatus.PENDING
    upload.save()


def partial_cleanup(*, now=None) -> int:
    """Forget uploads that stopped arriving long ago, and their partial files."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.INTAKE_PARTIAL_HOURS)
    stale = list(Upload.objects.filter(status=UploadStatus.RECEIVING, updated_at__lt=cutoff))
    for upload in stale:
        _fail(upload, IntakeRefused(_("The upload was not finished in time.")))
    return len(stale)



def _tandem_draft(tandem):
    """The newest state of the page, so an approval never overwrites a draft someone is working on."""
    return tandem.get_latest_revision_as_object() if tandem.has_unpublished_changes else tandem.specific


def _wagtail_item(upload: Upload, *, user, collection):
    """An Image or Media in the partner's collection made from the cleaned files."""
    from django.core.files import File
    from wagtail.images import get_image_model
    from wagtailmedia.models import get_media_model

    title = upload.caption or upload.original_name or _("Upload")
    path = stored_path(upload.file_path)
    with open(path, "rb") as handle:
        if upload.kind == UploadKind.IMAGE:
            return get_image_model().objects.create(
                title=title, collection=collection, uploaded_by_user=user,
                file=File(handle, name=f"intake-{upload.public_id}.jpg"))
        with open(stored_path(upload.poster_path), "rb") as poster:
            return get_media_model().objects.create(
                title=title, collection=collection, uploaded_by_user=user, type="video",
                width=upload.width, height=upload.height, duration=upload.duration or 0,
                file=File(handle, name=f"intake-{upload.public_id}.mp4"),
                thumbnail=File(poster, name=f"intake-{upload.public_id}.jpg"))


def _story_block(upload: Upload, item) -> dict:
    if upload.kind == UploadKind.IMAGE:
        image = {"image": item.pk, "alt_text": upload.caption, "decorative": False}
        return {"type": "image", "value": {"image": image, "caption": upload.caption}}
    return {"type": "video", "value": {"video": item.pk, "embed": None, "caption": upload.caption}}


@transaction.atomic
def upload_approve(*, upload: Upload, user, as_intro_video: bool = False) -> bool:
    """Put the upload on its tandem page. Returns True when published, False when saved as a draft.

    Someone who may publish the tandem page publishes the new revision at once: approving is the
    editorial decision. Editors of partners that are not trusted to publish only make a draft, which
    is submitted to the partner's workflow, so their moderators review it as any other change.
    """
    from .selectors import upload_partner

    if upload.status != UploadStatus.PENDING:
        raise IntakeRefused(_("This upload is not waiting for approval."), status=409)
    from wagtail.models import Collection

    partner = upload_partner(upload=upload)
    collection = partner.collection if partner else Collection.get_first_root_node()
    item = _wagtail_item(upload, user=user, collection=collection)
    page = _tandem_draft(upload.link.tandem)
    if as_intro_video and upload.kind == UploadKind.VIDEO:
        page.intro_video = item
    else:
        page.story = [*page.story.raw_data, _story_block(upload, item)]
    revision = page.save_revision(user=user, log_action=True)
    published = page.permissions_for_user(user).can_publish()
    if published:
        revision.publish(user=user)
    elif (workflow := page.get_workflow()) and not page.workflow_in_progress:
        workflow.start(page, user)  # the partner's moderators get it to review like any other change
    field = "image" if upload.kind == UploadKind.IMAGE else "media"
    setattr(upload, field, item)
    upload.status, upload.decided_by = UploadStatus.APPROVED, user
    upload.save()
    transaction.on_commit(lambda: upload_files_delete(public_id=upload.public_id))
    return published


def upload_reject(*, upload: Upload, user) -> None:
    """Nothing of a rejected upload stays on the server."""
    upload_files_delete(public_id=upload.public_id)
    upload.status, upload.decided_by = UploadStatus.REJECTED, user
    upload.file_path = upload.poster_path = ""
    upload.save()
