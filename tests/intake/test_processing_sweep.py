"""A video whose queued task was lost does not say "processing" forever: the sweep queues it again or gives up."""

from datetime import timedelta

import pytest
from django.utils import timezone

from intake.models import Upload, UploadStatus
from intake.tasks import processing_sweep_task

from .conftest import send_file, short_video
from .test_moderation import wait_for


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_video_whose_task_was_lost_is_prepared_after_the_sweep(client, live_link, tmp_path, request):
    from portal.celery import app

    upload = send_file(client, live_link, "VID_0002.mp4", short_video(tmp_path).read_bytes())
    app.control.purge()  # the broker lost the task (or a worker died with it) before any worker took it
    Upload.objects.filter(pk=upload.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    request.getfixturevalue("celery_worker")

    assert processing_sweep_task() == (1, 0)

    assert wait_for(upload, UploadStatus.PENDING).poster_path


@pytest.mark.django_db
def test_a_video_that_never_gets_prepared_is_marked_failed_for_the_partner(client, live_link, tmp_path):
    upload = send_file(client, live_link, "VID_0003.mp4", short_video(tmp_path).read_bytes())
    long_ago = timezone.now() - timedelta(hours=7)
    Upload.objects.filter(pk=upload.pk).update(created_at=long_ago, updated_at=long_ago)

    assert processing_sweep_task() == (0, 1)

    upload.refresh_from_db()
    assert upload.status == UploadStatus.FAILED and upload.error
    assert upload.get_status_display() in client.get(live_link.url()).content.decode()
