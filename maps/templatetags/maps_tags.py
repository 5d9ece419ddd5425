"""The outside tile server a visitor may switch on (MAP_TILE_URL), named by its host so they know who gets asked."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def map_tiles() -> dict:
    url = settings.MAP_TILE_URL
    return {"url": url, "attribution": settings.MAP_TILE_ATTRIBUTION, "host": urlsplit(url).hostname or ""}
