"""The picture sizes public pages show, made when a page is published rather than when a visitor first asks.

Templates name the same specs (fill sizes in `{% srcset_image %}`), so a visitor's request finds every
rendition already made and read in the page's own prefetch: no image is resized on the request path.
"""

import logging

from django.db import transaction
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

CARD = ("fill-400x300-c50|format-webp", "fill-800x600-c50|format-webp")
STORY = ("width-640|format-webp", "width-1200|format-webp")
FACE = ("fill-160x160-c100|format-webp", "fill-320x320-c100|format-webp")
LEAD = ("fill-640x427-c50|format-webp", "fill-1200x800-c50|format-webp")
SPECS = CARD + FACE + LEAD + STORY


def renditions_prepare(*, image_ids: list[int]) -> int:
    """Makes every public size of these images (those that exist already are kept); returns how many images."""
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions()
    for image in images:
        image.get_renditions(*SPECS)
    return len(images)


def page_image_ids(page) -> list[int]:
    """The pictures an appeal or tandem page (and its cards) show: portrait, picture and story images."""
    ids = [getattr(page, name + "_id", None) for name in ("portrait", "image")]
    for block in getattr(page, "story", None) or []:
        value = block.value
        for image in [value.get("image")] + list(value.get("images") or []) if hasattr(value, "get") else []:
            ids.append(getattr(image, "pk", None))
    return [pk for pk in ids if pk]


def renditions_prepare_later(*, page) -> None:
    """After the publishing transaction commits: by the Celery worker, or in-process without a broker."""
    from .tasks import renditions_prepare_task

    ids = page_image_ids(page)
    if ids:
        transaction.on_commit(lambda: renditions_prepare_task.delay(ids))
