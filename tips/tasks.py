"""Thin Celery tasks: fetch by id, call the service, retry on error."""

from celery import shared_task

from . import services


@shared_task(bind=True, max_retries=8, default_retry_delay=30, acks_late=True)
def tip_notify_task(self, tip_id: int) -> bool:
    try:
        return services.tip_notify(tip_id=tip_id)
    except Exception as error:
        raise self.retry(exc=error) from error


@shared_task(bind=True, max_retries=8, default_retry_delay=30, acks_late=True)
def tip_acknowledge_task(self, tip_id: int) -> bool:
    try:
        return services.tip_acknowledge(tip_id=tip_id)
    except Exception as error:
        raise self.retry(exc=error) from error


@shared_task
def tip_sweep_task() -> int:
    return services.tip_sweep()
