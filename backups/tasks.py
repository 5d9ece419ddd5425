"""The nightly schedule: back up, then verify that archive, then rotate the retention set."""

import logging

from celery import shared_task

from . import services
from .progress import Progress

logger = logging.getLogger(__name__)


# Not acks_late: a backup can outlast the broker's visibility timeout, and a second copy running in
# parallel would only double the load.
@shared_task(bind=True, max_retries=2, default_retry_delay=600, acks_late=False)
def backup_nightly(self):
    try:
        run = services.backup_create(progress=Progress(quiet=True))
    except services.BackupError as error:
        raise self.retry(exc=error) from error
    backup_verify.delay(archive=run.archive)


@shared_task(acks_late=False)
def backup_verify(archive: str):
    # A failed verification is recorded and shown on the dashboard; rotating then could delete the
    # last good archives, so only a verified new archive lets old ones go.
    services.backup_verify(archive=archive, progress=Progress(quiet=True))
    deleted = services.backup_rotate()
    if deleted:
        logger.info("Backup rotation deleted %s", ", ".join(deleted))
