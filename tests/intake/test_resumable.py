"""The chunked upload protocol over HTTP: a dropped connection costs one piece, not the whole video."""

from __future__ import annotations

import pytest

from intake.models import Upload, UploadStatus
from intake.storage import partial_path, stored_path

from .conftest import short_video

pytestmark = pytest.mark.django_db
CHUNK = 8 * 1024


def create(client, live_link, data: bytes, name="clip.mp4"):
    response = client.post(live_link.url("intake:files"), {"name": name, "size": len(data), "caption": "Bus"},
                           content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()["url"]


def put(client, url, data: bytes, offset: int):
    return client.put(url, data, content_type="application/octet-stream", headers={"upload-offset": str(offset)})


def offset_of(client, url) -> int:
    response = client.head(url)
    assert response.status_code == 200
    return int(response["Upload-Offset"])


def test_interrupted_upload_resumes_where_it_stopped(client, live_link, settings, tmp_path):
    settings.INTAKE_CHUNK_BYTES = CHUNK
    video = short_video(tmp_path, seconds=3)
    data = video.read_bytes()
    assert len(data) > 2 * CHUNK, "the clip must need several pieces"
    url = create(client, live_link, data)

    assert put(client, url, data[:CHUNK], 0).status_code == 200
    # The second piece is cut off halfway (the phone lost its signal): what did arrive is kept.
    half = CHUNK // 2
    put(client, url, data[CHUNK:CHUNK + half], CHUNK)
    upload = Upload.objects.get()
    assert partial_path(public_id=upload.public_id).stat().st_size == CHUNK + half
    resume_at = offset_of(client, url)
    assert resume_at == CHUNK + half

    # A client that lost track and sends from the wrong place is told where to continue.
    stale = put(client, url, data[:CHUNK], 0)
    assert stale.status_code == 409 and stale.json()["offset"] == resume_at

    while resume_at < len(data):
        response = put(client, url, data[resume_at:resume_at + CHUNK], resume_at)
        assert response.status_code == 200, response.content
        resume_at = response.json()["offset"]

    upload.refresh_from_db()
    assert upload.status == UploadStatus.PROCESSING and upload.kind == "video"
    assert stored_path(upload.file_path).read_bytes() == data, "the assembled file equals the original"
    assert client.get(url).json()["status_label"] == "processing"


def test_piece_larger_than_allowed_is_refused(client, live_link, settings):
    settings.INTAKE_CHUNK_BYTES = CHUNK
    data = b"\x1a\x45\xdf\xa3" + b"\x00" * (3 * CHUNK)
    url = create(client, live_link, data, name="clip.webm")

    response = put(client, url, data[: 2 * CHUNK], 0)

    assert response.status_code == 413


def test_executable_is_refused_after_the_first_piece(client, live_link, settings):
    settings.INTAKE_CHUNK_BYTES = CHUNK
    data = b"MZ\x90\x00" + b"\x00" * (4 * CHUNK)
    url = create(client, live_link, data, name="video.mp4")

    response = put(client, url, data[:CHUNK], 0)

    assert response.status_code == 415
    assert "not a photo or video we accept" in response.json()["error"]
    assert Upload.objects.get().status == UploadStatus.FAILED
    assert put(client, url, data[CHUNK:2 * CHUNK], CHUNK).status_code == 409


def test_announced_size_over_the_video_limit_is_refused_before_any_byte(client, live_link, settings):
    settings.INTAKE_MAX_VIDEO_BYTES = 10 * 1024 * 1024
    settings.INTAKE_MAX_IMAGE_BYTES = 5 * 1024 * 1024
    response = client.post(live_link.url("intake:files"), {"name": "long.mov", "size": 11 * 1024 * 1024},
                           content_type="application/json")

    assert response.status_code == 413
    assert "The limit is" in response.json()["error"]
    assert not Upload.objects.exists()


def test_another_links_upload_cannot_be_read_or_written(client, live_link, partner_b, editor_b, tmp_path):
    from intake.services import link_create

    other, other_token = link_create(tandem=partner_b.tandem, user=editor_b, language="de")
    url = create(client, live_link, b"\xff\xd8\xff" + b"\x00" * 100, name="a.jpg")
    foreign = url.replace(live_link.token, other_token).replace("/en/", "/de/")

    assert client.get(foreign).status_code == 404
    assert put(client, foreign, b"\xff\xd8\xff", 0).status_code == 404


@pytest.mark.parametrize("body", [b"[1, 2]", b"not json", b'{"name": "a.mp4", "size": "many"}'])
def test_garbled_announcement_gets_a_clear_400(client, live_link, body):
    response = client.post(live_link.url("intake:files"), body, content_type="application/json")

    assert response.status_code == 400 and response.json()["error"] == "The request was not understood."
