"""Writing what reach keeps: share cards after publishing, visits per day."""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from PIL import Image
from wagtail.models import Page

from .cards import HEIGHT, WIDTH, card_draw
from .models import ShareCard, VisitDay
from .posters import poster_render
from .selectors import page_has_card, share_card_content

logger = logging.getLogger(__name__)


def _open_picture(image) -> Image.Image | None:
    if image is None:
        return None
    try:
        with image.open_file() as handle:
            picture = Image.open(handle)
            picture.load()
            return picture
    except (OSError, ValueError):
        logger.warning("Share card drawn without its picture: image %s cannot be read", image.pk)
        return None


def share_card_make(*, page_id: int, revision_id: int) -> ShareCard | None:
    """Draw the card of one published revision, once; a revision that is no longer live gets none."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None or page.live_revision_id != revision_id or not page_has_card(page=page):
        return None
    existing = ShareCard.objects.filter(page=page, revision_id=revision_id).first()
    if existing:
        return existing
    page = page.specific
    card, image = share_card_content(page=page)
    from core.models import NetworkSettings

    network = NetworkSettings.for_site(page.get_site())
    data = card_draw(card=card, picture=_open_picture(image), brand_colour=network.brand_colour,
                     accent_colour=network.accent_colour)
    share_card = ShareCard(page=page, revision_id=revision_id, width=WIDTH, height=HEIGHT)
    share_card.image.save(f"{page.pk}-{revision_id}.jpg", ContentFile(data), save=False)
    pdf = poster_render(page=page, base=settings.BASE_URL)
    share_card.poster.save(f"{page.pk}-{revision_id}.pdf", ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            share_card.save()
    except IntegrityError:  # two workers drew the same revision: keep the first
        share_card.image.delete(save=False)
        share_card.poster.delete(save=False)
        existing = ShareCard.objects.filter(page=page, revision_id=revision_id).first()
        if existing is None:
            raise
        return existing
    return share_card


def visit_count(*, page_id: int, language: str, channel: str) -> None:
    """One more visit today; the row is created by the first visit of the day."""
    day = timezone.localdate()
    key = {"page_id": page_id, "language": language, "channel": channel, "day": day}
    if VisitDay.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            VisitDay.objects.create(**key, count=1)
    except IntegrityError:  # another request created it a moment ago
        VisitDay.objects.filter(**key).update(count=F("count") + 1)
