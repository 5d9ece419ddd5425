"""Everything that changes what visitors see makes the page cache stale on every app server.

Wagtail's publishing pipeline (publish, scheduled publish, unpublish, move, delete, a translation going
live) and the settings and names shown on every page arrive here as signals. Apps whose own rows show on pages
(tips quoted on appeals, people waiting per town) call `page_cache_invalidate` themselves.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.models import NetworkSettings, NetworkTaglineTranslation
from localization.models import TagLabel
from reach.models import ShareCard

from .services import page_cache_invalidate

# A view restriction also takes its section out of every listing at once (core.pages.pages_live_public);
# a share card, made after a publish, is what the page's link preview shows from then on; a locale changes the
# language menus (and core.pages.default_locale_id).
SHOWN_ON_PAGES = (NetworkSettings, NetworkTaglineTranslation, TagLabel, Site, PageViewRestriction, get_image_model(),
                  ShareCard, Locale)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender, **kwargs):
    page_cache_invalidate()


@receiver(post_save)
@receiver(post_delete)
def _row_changed(sender, instance, created=False, **kwargs):
    # Pages built live without Wagtail's publish action (imports, factories, `copy`) count too; a draft
    # saved on a page that is not live changes nothing visitors see. Settings are created with their
    # defaults the first time a page reads them: that changes nothing either.
    if isinstance(instance, NetworkSettings) and created:
        return
    if isinstance(instance, SHOWN_ON_PAGES) or (isinstance(instance, Page) and instance.live):
        page_cache_invalidate()
