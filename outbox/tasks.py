"""Thin Celery tasks: the services decide everything, retries included (a failed send is rescheduled in its row)."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, ignore_result=True)
def outbox_deliver_task(*email_ids: int) -> list[str]:
    # Several ids per message: a tip's two e-mails cost the request one publish, not two.
    return [services.outbox_deliver(email_id=email_id) for email_id in email_ids]


@shared_task(ignore_result=True)
def outbox_sweep_task() -> int:
    return services.outbox_deliver_due()
