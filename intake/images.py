"""Turning a phone photo into a clean JPEG: decoded safely, turned upright, without EXIF or GPS."""

from pathlib import Path

import pillow_heif
from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import IntakeRefused

pillow_heif.register_heif_opener()
JPEG_QUALITY = 85
MAX_EDGE = 4000


def image_sanitize(*, source: Path, target: Path) -> tuple[int, int]:
    """Write `source` re-encoded to `target` as JPEG and return its size. Refuses bombs and broken files.

    Re-encoding from pixels is what drops the metadata: nothing of the original container is copied.
    """
    limit = settings.INTAKE_MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limit
    try:
        with Image.open(source) as picture:
            # The header's claim is checked before a single pixel is decoded.
            if picture.width * picture.height > limit:
                raise IntakeRefused(_("This picture is too large (too many pixels)."))
            picture.load()
            clean = ImageOps.exif_transpose(picture).convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise IntakeRefused(_("This picture is too large (too many pixels).")) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise IntakeRefused(_("This picture is damaged or not a photo we can read.")) from error
    clean.thumbnail((MAX_EDGE, MAX_EDGE))
    clean.save(target, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return clean.size
