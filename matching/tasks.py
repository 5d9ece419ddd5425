"""Thin Celery tasks: call the service."""

from celery import shared_task

from .housekeeping import matching_housekeeping


@shared_task
def matching_housekeeping_task() -> dict:
    return matching_housekeeping()
