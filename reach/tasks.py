"""Background jobs of reach: thin wrappers that call the service."""

from celery import shared_task

from .services import share_card_make


@shared_task(bind=True, max_retries=3, default_retry_delay=30, acks_late=True)
def share_card_make_task(self, page_id: int, revision_id: int) -> None:
    try:
        share_card_make(page_id=page_id, revision_id=revision_id)
    except OSError as error:
        raise self.retry(exc=error) from error
