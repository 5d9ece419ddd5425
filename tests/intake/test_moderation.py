"""From arrival to the tandem page: the worker prepares videos, the partner approves or rejects in the admin."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from intake.models import Upload, UploadStatus
from intake.services import upload_process_video
from intake.storage import stored_path
from tandems.models import TandemPage

from .conftest import photo_with_gps, probe_tags, send_file, short_video


def wait_for(upload: Upload, status: str, seconds: float = 60) -> Upload:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        upload.refresh_from_db()
        if upload.status == status:
            return upload
        time.sleep(0.2)
    raise AssertionError(f"upload stayed {upload.status}, error {upload.error!r}")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_makes_poster_and_web_copy_without_location(client, live_link, celery_worker,
                                                          tmp_path):
    # MPEG-4 Part 2 is what some Android phones still write; browsers do not all play it.
    video = short_video(tmp_path, name="VID_0001.mp4", codec="mpeg4")
    assert b"loci" in video.read_bytes() or "location" in probe_tags(video)

    upload = send_file(client, live_link, "VID_0001.mp4", video.read_bytes())
    assert upload.status == UploadStatus.PROCESSING
    assert "processing" in client.get(live_link.url()).content.decode()
    upload = wait_for(upload, UploadStatus.PENDING)

    web = stored_path(upload.file_path)
    tags = probe_tags(web)
    assert '"h264"' in tags and '"aac"' in tags
    assert "location" not in tags and "Secret place" not in tags
    data = web.read_bytes()
    assert b"loci" not in data and b"\xa9xyz" not in data
    assert data.index(b"moov") < data.index(b"mdat"), "faststart: the index comes before the pictures"
    assert stored_path(upload.poster_path).read_bytes().startswith(b"\xff\xd8\xff")
    assert not (web.parent / "original").exists(), "the phone's original, with its metadata, is gone"


@pytest.mark.django_db
def test_moderator_approves_photo_and_it_is_published(client, live_link, moderator_a, partner_a,
                                                       django_capture_on_commit_callbacks):
    upload = send_file(client, live_link, "IMG.jpg", photo_with_gps(), caption="At the workshop")
    client.force_login(moderator_a)

    listing = client.get(reverse("intake_uploads:index"))
    assert "At the workshop" in listing.content.decode()
    preview = client.get(reverse("intake_uploads:file", args=[upload.pk, "file"]))
    assert preview.status_code == 200 and b"".join(preview.streaming_content).startswith(b"\xff\xd8")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("intake_uploads:approve", args=[upload.pk]), follow=True)

    assert "Tandem A" in response.content.decode()  # the confirmation names the page
    tandem = TandemPage.objects.get(pk=partner_a.tandem.pk)
    block = tandem.story[-1]
    assert block.block_type == "image" and block.value["caption"] == "At the workshop"
    image = block.value["image"]
    assert image.collection == partner_a.collection
    assert not tandem.has_unpublished_changes
    assert "At the workshop" in client.get(tandem.url).content.decode()
    assert not stored_path(upload.file_path).exists(), "the waiting copy is gone once the image exists"
    assert "At the workshop" not in client.get(reverse("intake_uploads:index")).content.decode()


@pytest.mark.django_db
def test_editor_of_untrusted_partner_approves_into_a_draft(client, live_link, editor_a, partner_a):
    upload = send_file(client, live_link, "IMG.jpg", photo_with_gps(), caption="Draft please")
    client.force_login(editor_a)

    client.post(reverse("intake_uploads:approve", args=[upload.pk]))

    tandem = TandemPage.objects.get(pk=partner_a.tandem.pk)
    assert tandem.has_unpublished_changes
    assert not [block for block in tandem.story if block.block_type == "image"], "live page unchanged"
    draft = tandem.get_latest_revision_as_object()
    assert draft.story[-1].value["caption"] == "Draft please"
    assert tandem.workflow_in_progress, "the draft waits for the partner's moderators"


@pytest.mark.django_db
def test_video_approved_as_intro_video_with_poster(client, live_link, moderator_a, partner_a, tmp_path):
    upload = send_file(client, live_link, "clip.mp4", short_video(tmp_path).read_bytes())
    upload_process_video(upload=upload)  # the worker's job, done here: the worker is not the point
    client.force_login(moderator_a)

    client.post(reverse("intake_uploads:approve", args=[upload.pk]), {"as_intro_video": "on"})

    tandem = TandemPage.objects.get(pk=partner_a.tandem.pk)
    media = tandem.intro_video
    assert media is not None and media.collection == partner_a.collection
    assert media.thumbnail and media.type == "video" and media.duration > 0
    assert media.title == "clip.mp4" and media.file.name.endswith(".mp4")


@pytest.mark.django_db
def test_reject_removes_the_files(client, live_link, moderator_a, partner_a):
    upload = send_file(client, live_link, "IMG.jpg", photo_with_gps())
    folder = stored_path(upload.file_path).parent
    client.force_login(moderator_a)

    client.post(reverse("intake_uploads:reject", args=[upload.pk]))

    upload.refresh_from_db()
    assert upload.status == UploadStatus.REJECTED
    assert not folder.exists()
    assert "not used" in client.get(live_link.url()).content.decode()
    tandem = TandemPage.objects.get(pk=partner_a.tandem.pk)
    assert not [block for block in tandem.story if block.block_type == "image"]
