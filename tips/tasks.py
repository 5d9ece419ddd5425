"""Thin Celery tasks: fetch by id, call the service, retry on error."""

from celery import shared_task

from . import services

EMAILS = {"notify": services.tip_notify, "acknowledge": services.tip_acknowledge}


@shared_task(bind=True, max_retries=8, default_retry_delay=30, acks_late=True)
def tip_email_task(self, tip_id: int, email: str) -> bool:
    """`email` is "notify" (the partner) or "acknowledge" (the tipster); each is sent at most once."""
    try:
        return EMAILS[email](tip_id=tip_id)
    except Exception as error:
        raise self.retry(exc=error) from error


@shared_task
def tip_sweep_task() -> int:
    return services.tip_sweep()
