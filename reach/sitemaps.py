from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation

from .towns import town_sitemap_items


class TownSitemap(Sitemap):
    """Every town page with something to show, in each language that has it."""

    def items(self):
        return town_sitemap_items()

    def location(self, item):
        language, slug = item
        with translation.override(language):
            return reverse("town", args=[slug])
