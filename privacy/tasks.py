from celery import shared_task

from .services import retention_apply


@shared_task
def retention_task() -> int:
    return retention_apply().anonymised
