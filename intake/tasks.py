"""Background jobs of the intake: thin wrappers that fetch by id and call the service."""

from celery import shared_task

from .models import Upload, UploadStatus
from .services import partial_cleanup, upload_process_video, upload_sweep_processing


@shared_task(bind=True, max_retries=3, default_retry_delay=30, acks_late=True)
def upload_process_video_task(self, upload_id: int) -> None:
    upload = Upload.objects.filter(pk=upload_id, status=UploadStatus.PROCESSING).first()
    if upload is None:
        return
    try:
        upload_process_video(upload=upload)
    except OSError as error:
        raise self.retry(exc=error) from error


@shared_task(name="intake.tasks.partial_cleanup")
def partial_cleanup_task() -> int:
    return partial_cleanup()


@shared_task(name="intake.tasks.processing_sweep")
def processing_sweep_task() -> tuple[int, int]:
    return upload_sweep_processing()
