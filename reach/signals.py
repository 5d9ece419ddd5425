"""Publishing a page queues its share card; the picture is drawn by a worker, never while a visitor waits."""

import logging

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from .selectors import page_has_card

logger = logging.getLogger(__name__)


def _queue_card(page_id: int, revision_id: int) -> None:
    from .tasks import share_card_make_task

    try:
        share_card_make_task.delay(page_id, revision_id)
    except Exception:  # the broker is down: the page keeps its previous card; `share_cards` draws it later
        logger.warning("Could not queue the share card of page %s revision %s", page_id, revision_id, exc_info=True)


@receiver(page_published)
def _published(sender, instance, revision, **kwargs):
    if page_has_card(page=instance):
        transaction.on_commit(lambda: _queue_card(instance.pk, revision.pk))
