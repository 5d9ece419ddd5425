"""Turning a phone photo into a clean JPEG: decoded safely, turned upright, without EXIF, GPS or comments."""

from pathlib import Path

import pillow_heif
from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import IntakeRefused

pillow_heif.register_heif_opener()
JPEG_QUALITY = 85
MAX_EDGE = 4000
# What Pillow keeps in memory per pixel: one byte for grey and palettes, four for anything with colour.
BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2}
# Modes that shrink well; others (palettes, 16-bit) become RGBA first.
SHRINKABLE = {"RGB", "RGBA", "RGBX", "L", "LA", "CMYK", "YCbCr"}


def _too_large() -> IntakeRefused:
    return IntakeRefused(_("This picture is too large (too many pixels)."))


def _open_bounded(picture: Image.Image) -> None:
    """Refuse a picture whose pixels would take too much memory, judged from its header before decoding.

    JPEG decodes at a reduced scale first (draft): a 50-megapixel photo costs a quarter. Other formats
    decode whole, so a tiny PNG of one colour claiming 50 million pixels would take ~200 MB per request.
    """
    if picture.width * picture.height > settings.INTAKE_MAX_IMAGE_PIXELS:
        raise _too_large()
    if picture.format == "JPEG" and max(picture.size) > MAX_EDGE:
        # draft keeps both sides at least as large as asked: ask in the picture's own proportions.
        scale = MAX_EDGE / max(picture.size)
        picture.draft("RGB", (round(picture.width * scale), round(picture.height * scale)))
    decoded = picture.width * picture.height * BYTES_PER_PIXEL.get(picture.mode, 4)
    if decoded > settings.INTAKE_MAX_DECODED_BYTES:
        raise _too_large()


def image_sanitize(*, source: Path, target: Path) -> tuple[int, int]:
    """Write `source` re-encoded to `target` as JPEG and return its size. Refuses bombs and broken files.

    Re-encoding from pixels is what drops the metadata: nothing of the original container is copied, and the
    comment (COM segment) that Pillow would carry over from the source's info is dropped too.
    """
    Image.MAX_IMAGE_PIXELS = settings.INTAKE_MAX_IMAGE_PIXELS
    try:
        with Image.open(source) as picture:
            _open_bounded(picture)
            picture.load()
            if picture.mode not in SHRINKABLE:
                picture = picture.convert("RGBA")
            picture.thumbnail((MAX_EDGE, MAX_EDGE))  # shrink before turning: every later copy is small
            clean = ImageOps.exif_transpose(picture).convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_large() from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise IntakeRefused(_("This picture is damaged or not a photo we can read.")) from error
    clean.info = {}
    clean.save(target, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return clean.size
