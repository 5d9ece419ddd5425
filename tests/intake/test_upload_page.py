"""The public upload page over plain HTTP: the no-script form and what it refuses."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import ExifTags, Image

from intake.models import Upload, UploadStatus
from intake.storage import stored_path

from .conftest import photo_with_gps

pytestmark = pytest.mark.django_db


def post_files(client, live_link, *files, caption=""):
    return client.post(live_link.url(), {"files": list(files), "caption": caption}, follow=True)


def test_page_opens_in_the_links_language_without_login(client, live_link):
    response = client.get(live_link.url())
    assert response.status_code == 200
    assert b'lang="en"' in response.content
    assert b'accept="image/*,video/*"' in response.content and b"multiple" in response.content
    assert b"noindex" in response.content


def test_visitor_may_switch_the_page_to_another_language(client, live_link):
    arabic = live_link.url().replace("/en/", "/ar/", 1)
    response = client.get(arabic)
    assert response.status_code == 200 and 'dir="rtl"' in response.content.decode()


def test_photo_arrives_without_exif_or_gps(client, live_link):
    original = photo_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    response = post_files(client, live_link, SimpleUploadedFile("IMG_0001.jpg", original, "image/jpeg"),
                          caption="First day at work")

    upload = Upload.objects.get()
    assert upload.status == UploadStatus.PENDING and upload.kind == "image"
    assert "IMG_0001.jpg arrived." in response.content.decode()
    assert "First day at work" in response.content.decode()  # listed among earlier uploads
    stored = stored_path(upload.file_path).read_bytes()
    cleaned = Image.open(io.BytesIO(stored))
    assert cleaned.format == "JPEG" and cleaned.size == (640, 480)
    assert not cleaned.getexif(), "no EXIF block at all, so no GPS and no camera make"
    assert b"NahbarPhone" not in stored
    assert not list((stored_path("partial")).glob("*")), "no partial file is left behind"


def test_disguised_executable_is_refused_and_nothing_kept(client, live_link):
    elf = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200
    pe = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200
    response = post_files(client, live_link, SimpleUploadedFile("holiday.jpg", elf, "image/jpeg"),
                          SimpleUploadedFile("clip.mp4", pe, "video/mp4"))

    text = response.content.decode()
    assert "holiday.jpg: This is not a photo or video we accept" in text
    assert "clip.mp4: This is not a photo or video we accept" in text
    assert set(Upload.objects.values_list("status", flat=True)) == {UploadStatus.FAILED}
    assert not any(stored_path("").rglob("*.part"))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims an enormous picture: a decompression bomb's calling card."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_pixel_bomb_is_refused(client, live_link):
    response = post_files(client, live_link, SimpleUploadedFile("big.png", png_claiming(60000, 60000)))

    assert "too large (too many pixels)" in response.content.decode()
    assert Upload.objects.get().status == UploadStatus.FAILED


def test_corrupt_and_empty_files_are_refused_but_the_good_one_arrives(client, live_link):
    broken = photo_with_gps()[:300]
    response = post_files(client, live_link, SimpleUploadedFile("broken.jpg", broken),
                          SimpleUploadedFile("empty.jpg", b""),
                          SimpleUploadedFile("good.jpg", photo_with_gps()))

    text = response.content.decode()
    assert "broken.jpg: This picture is damaged" in text
    assert "empty.jpg: This file is empty." in text
    assert "good.jpg arrived." in text
    assert Upload.objects.filter(status=UploadStatus.PENDING).count() == 1


def test_oversized_photo_is_refused_with_the_limit(client, live_link, settings):
    settings.INTAKE_MAX_IMAGE_BYTES = 1024 * 1024
    big = photo_with_gps(size=(4000, 3000)) + b"\x00" * (1024 * 1024)
    response = post_files(client, live_link, SimpleUploadedFile("huge.jpg", big))

    assert "too large. The limit is 1 MB." in response.content.decode()


@pytest.mark.parametrize("closing", ["expired", "revoked"])
def test_closed_link_explains_and_accepts_nothing(client, live_link, closing):
    link = live_link.link
    if closing == "expired":
        link.expires_at = timezone.now() - timedelta(minutes=1)
    else:
        link.revoked_at = timezone.now()
    link.save()

    page = client.get(live_link.url())
    posted = client.post(live_link.url(), {"files": [SimpleUploadedFile("a.jpg", photo_with_gps())]})
    api = client.post(live_link.url("intake:files"), {"name": "a.mp4", "size": 10}, content_type="application/json")

    assert page.status_code == posted.status_code == api.status_code == 410
    assert "no longer valid" in page.content.decode() and 'lang="en"' in page.content.decode()
    assert not Upload.objects.exists()


def test_unknown_token_is_a_friendly_404(client):
    response = client.get("/en/upload/not-a-real-token/")
    assert response.status_code == 404
    assert "does not lead to an upload page" in response.content.decode()


def test_rate_limit_per_link(client, live_link, settings):
    settings.INTAKE_FILES_PER_HOUR = 2
    for _ in range(2):
        post_files(client, live_link, SimpleUploadedFile("a.jpg", photo_with_gps()))
    response = post_files(client, live_link, SimpleUploadedFile("a.jpg", photo_with_gps()))

    assert "Too many uploads in a short time" in response.content.decode()
    assert Upload.objects.count() == 2


def test_heic_photo_becomes_a_jpeg(client, live_link):
    import pillow_heif

    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 40, 40)).save(buffer, format="HEIF")

    post_files(client, live_link, SimpleUploadedFile("IMG_0002.HEIC", buffer.getvalue()))

    upload = Upload.objects.get()
    assert upload.status == UploadStatus.PENDING
    assert Image.open(stored_path(upload.file_path)).format == "JPEG"


def test_unfinished_uploads_are_cleaned_up(client, live_link, settings):
    from intake.tasks import partial_cleanup_task

    response = client.post(live_link.url("intake:files"), {"name": "a.mp4", "size": 10_000},
                           content_type="application/json")
    upload = Upload.objects.get()
    partial = stored_path(f"partial/{upload.public_id}.part")
    assert response.status_code == 201 and partial.exists()
    Upload.objects.filter(pk=upload.pk).update(updated_at=timezone.now() - timedelta(hours=49))

    assert partial_cleanup_task() == 1

    assert not partial.exists()
    assert client.get(response.json()["url"]).json()["status"] == UploadStatus.FAILED
