"""Real content for the round trips: the demo campaign (pages, pictures, published tips), one page in three
locales, a picture, a document and an uploaded video. Importable from `manage.py shell` too, so the SQLite
round trip builds the very same content in its own process."""

from __future__ import annotations

from django.core.files.base import ContentFile

# The first bytes of an MP4 file: wagtailmedia stores what it is given, which is all a backup cares about.
TINY_VIDEO = bytes.fromhex("0000001866747970") + b"mp42isom" + bytes(range(256)) * 4


def content_build() -> dict[str, str]:
    """Builds the content and returns the paths of pages whose HTML the restored portal must serve."""
    from wagtail.documents import get_document_model
    from wagtail.models import Locale
    from wagtailmedia.models import get_media_model

    from core.factories import ImageFactory
    from demo.services import demo_load
    from tandems.models import TandemPage

    demo_load()
    tandem = TandemPage.objects.live().filter(locale__language_code="de").order_by("pk").first()
    paths = [tandem.url]
    for code in ("en", "ar"):
        locale = Locale.objects.get(language_code=code)
        # The demo may already translate its pages; then the round trip changes that translation instead.
        translated = tandem.get_translation_or_none(locale) or tandem.copy_for_translation(locale, copy_parents=True)
        translated.title = f"{tandem.title} ({code})"
        translated.save_revision().publish()
        paths.append(translated.url)
    ImageFactory(title="Backup round trip")
    get_document_model().objects.create(title="Backup note", file=ContentFile(b"Keep this.\n", name="note.txt"))
    get_media_model().objects.create(title="Backup clip", type="video", duration=1.0,
                                     file=ContentFile(TINY_VIDEO, name="clip.mp4"))
    return {"de": paths[0], "en": paths[1], "ar": paths[2]}

