"""Thin Celery tasks: fetch by id, call the service, retry on error."""

from celery import shared_task

from .renditions import renditions_prepare


@shared_task(bind=True, max_retries=3, default_retry_delay=30, acks_late=True)
def renditions_prepare_task(self, image_ids: list[int]) -> int:
    try:
        return renditions_prepare(image_ids=image_ids)
    except Exception as error:
        raise self.retry(exc=error) from error
