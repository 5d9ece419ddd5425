"""The plain upload form (no JavaScript) with files of every size a phone sends, videos without Redis, and
photos cleaned of comments and bounded in memory."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from intake.models import Upload, UploadStatus
from intake.storage import stored_path

from .conftest import photo_with_gps, short_video

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def _padded(data: bytes, folder: Path, name: str, size: int, *, mp4: bool) -> Path:
    """`data` grown to `size` bytes without writing them: a sparse file. An mp4 gets a `free` box (players
    skip it), a JPEG trailing bytes after its end marker (decoders ignore them)."""
    path = folder / name
    with open(path, "wb") as target:
        target.write(data)
        if mp4:
            target.write(struct.pack(">I4s", size - len(data), b"free"))
        target.truncate(size)
    return path


def _send_plain(client, live_link, path: Path):
    with open(path, "rb") as handle:
        response = client.post(live_link.url(), {"files": [handle], "caption": "Gruß"})
    return response, Upload.objects.filter(link=live_link.link).latest("created_at")


@pytest.mark.parametrize(("megabytes", "kind"), [(5, "photo"), (50, "video"), (450, "video")])
def test_the_plain_form_takes_files_larger_than_one_piece(client, live_link, tmp_path, megabytes, kind):
    if kind == "photo":
        path = _padded(photo_with_gps(), tmp_path, "big.jpg", megabytes * MB, mp4=False)
    else:
        path = _padded(short_video(tmp_path).read_bytes(), tmp_path, "big.mp4", megabytes * MB, mp4=True)

    response, upload = _send_plain(client, live_link, path)

    assert response.status_code == 302
    assert upload.error == "" and upload.size == megabytes * MB
    assert upload.status in {UploadStatus.PENDING, UploadStatus.PROCESSING}
    assert stored_path(upload.file_path).exists()


def test_a_refused_plain_upload_is_marked_failed_not_left_receiving(client, live_link, tmp_path, settings):
    settings.INTAKE_MAX_IMAGE_BYTES = 2 * MB
    path = _padded(photo_with_gps(), tmp_path, "big.jpg", 5 * MB, mp4=False)

    _response, upload = _send_plain(client, live_link, path)

    assert upload.status == UploadStatus.FAILED and "2 MB" in upload.error


@pytest.fixture
def without_redis():
    """The default set-up of `make run`: no broker, tasks run at once in the process that queues them."""
    from portal.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.mark.django_db(transaction=True)
def test_without_redis_a_video_is_processed_in_process_and_waits_for_approval(client, live_link, tmp_path,
                                                                               without_redis):
    video = short_video(tmp_path)

    with open(video, "rb") as handle:
        client.post(live_link.url(), {"files": [handle]})

    upload = Upload.objects.get(link=live_link.link)
    assert upload.status == UploadStatus.PENDING, upload.error
    assert stored_path(upload.file_path).name == "video.mp4" and stored_path(upload.poster_path).exists()


def test_jpeg_comments_do_not_survive_cleaning(client, live_link):
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (10, 20, 30)).save(buffer, "JPEG", comment=b"Aufgenommen bei Familie Muster")

    client.post(live_link.url(), {"files": [SimpleUploadedFile("a.jpg", buffer.getvalue())]})

    upload = Upload.objects.get()
    cleaned = stored_path(upload.file_path).read_bytes()
    assert b"Muster" not in cleaned and b"\xff\xfe" not in cleaned.split(b"\xff\xda")[0]  # no COM segment


def test_a_small_png_that_would_decode_to_too_much_memory_is_refused(client, live_link, settings):
    settings.INTAKE_MAX_DECODED_BYTES = 16 * MB
    buffer = io.BytesIO()
    Image.new("RGB", (3000, 2000), (1, 2, 3)).save(buffer, "PNG")  # 24 MB once decoded, a few KB as a file

    client.post(live_link.url(), {"files": [SimpleUploadedFile("flat.png", buffer.getvalue())]})

    upload = Upload.objects.get()
    assert upload.status == UploadStatus.FAILED and "too many pixels" in upload.error


def test_a_large_jpeg_is_decoded_at_reduced_size_and_kept(client, live_link, settings):
    settings.INTAKE_MAX_DECODED_BYTES = 64 * MB  # an 8000 x 6000 photo would need 192 MB at full size
    buffer = io.BytesIO()
    Image.new("RGB", (8000, 6000), (1, 2, 3)).save(buffer, "JPEG")

    client.post(live_link.url(), {"files": [SimpleUploadedFile("big.jpg", buffer.getvalue())]})

    upload = Upload.objects.get()
    assert upload.status == UploadStatus.PENDING and (upload.width, upload.height) == (4000, 3000)


def test_an_upload_announced_with_a_nul_in_its_json_name_is_stored_without_it(client, live_link):
    response = client.post(live_link.url("intake:files"), {"name": "IMG\u0000_1.jpg", "size": 10,
                                                           "caption": "Hallo\u0000"}, content_type="application/json")

    assert response.status_code == 201
    upload = Upload.objects.get()
    assert (upload.original_name, upload.caption) == ("IMG_1.jpg", "Hallo")


def test_a_nul_in_a_plain_upload_name_or_caption_is_no_error(client, live_link):
    response = client.post(live_link.url(), {"files": [SimpleUploadedFile("a\x00b.jpg", photo_with_gps())],
                                              "caption": "ok"})

    assert response.status_code in {302, 400}
    assert "\x00" not in "".join(Upload.objects.values_list("original_name", flat=True))
