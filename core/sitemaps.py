from wagtail.contrib.sitemaps import Sitemap

from .selectors import sitemap_page_list


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap covers the site's root page only, which is the German tree; this adds each translation."""

    def items(self):
        return sitemap_page_list(site=self.get_wagtail_site())
