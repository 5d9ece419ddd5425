"""Printable A4 posters. WeasyPrint lays the page out with Pango, whose HarfBuzz shaping joins Arabic letters
and orders mixed text right to left as a browser would; Pillow or ReportLab would need our own bidi handling."""

import base64
import io
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page

from core.models import NetworkSettings
from partners.selectors import partner_of_page

from .selectors import url_with_channel

POSTER_RENDITION = "fill-1000x700-c50"
TEAR_OFF_STRIPS = 8
CACHE_SECONDS = 24 * 60 * 60


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return image.to_string(encoding="unicode")


def _picture(page: Page) -> str:
    """The tandem's portrait as a data URI, so WeasyPrint fetches nothing."""
    for candidate in (page, page.get_parent().specific):
        portrait = getattr(candidate, "portrait", None)
        if portrait:
            rendition = portrait.get_rendition(POSTER_RENDITION)
            with rendition.file.open("rb") as handle:
                return "data:image/jpeg;base64," + base64.b64encode(handle.read()).decode()
    return ""


def poster_urls(*, page: Page, base: str) -> tuple[str, str]:
    """The page's address for the QR code and the short one for the tear-off strips, on the host `base`."""
    prefix = {"appeals.appealpage": "a", "tandems.tandempage": "t"}.get(page.specific_class._meta.label_lower)
    short = f"/{prefix}/{page.pk}/poster" if prefix else url_with_channel(page.url, "poster")
    return base + page.url, urlsplit(base).netloc + short


def poster_render(*, page: Page, base: str) -> bytes:
    """The poster as it is drawn ahead of time, after publishing."""
    page_url, short_url = poster_urls(page=page, base=base)
    return _render(page=page, page_url=page_url, short_url=short_url)


def poster_pdf(*, page: Page, page_url: str, short_url: str) -> bytes:
    """The poster of one live page in its own language; cached per published revision."""
    key = f"reach:poster:{page.pk}:{page.live_revision_id}:{short_url}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = _render(page=page, page_url=page_url, short_url=short_url)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def _render(*, page: Page, page_url: str, short_url: str) -> bytes:
    from weasyprint import HTML

    network = NetworkSettings.for_site(page.get_site())
    with translation.override(page.locale.language_code):
        html = render_to_string("reach/poster.html", {
            "page": page, "partner": partner_of_page(page=page), "network": network, "picture": _picture(page),
            "qr": _qr_svg(url_with_channel(page_url, "poster")), "short_url": short_url,
            "strips": range(TEAR_OFF_STRIPS), "rtl": translation.get_language_bidi(),
            "language": translation.get_language(),
        })
    buffer = io.BytesIO()
    HTML(string=html).write_pdf(buffer)
    return buffer.getvalue()
