"""Thin Celery tasks for tips: call the service."""

from celery import shared_task

from .desk_services import tips_digest_send


@shared_task
def tips_digest_task() -> int:
    return tips_digest_send()
