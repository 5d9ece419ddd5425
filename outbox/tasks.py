"""Thin Celery tasks: the services decide everything, retries included (a failed send is rescheduled in its row)."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, ignore_result=True)
def outbox_deliver_task(email_id: int) -> str:
    return services.outbox_deliver(email_id=email_id)


@shared_task(ignore_result=True)
def outbox_sweep_task() -> int:
    return services.outbox_deliver_due()
