"""Everything that changes what visitors see makes the page cache stale on every app server.

Wagtail's publishing pipeline (publish, scheduled publish, unpublish, move, delete, a translation going
live), the settings and names shown on every page and tips edited by moderators arrive here as signals;
`tips_set_status` changes rows in bulk and calls `page_cache_invalidate` itself.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.models import NetworkSettings, NetworkTaglineTranslation
from localization.models import TagLabel
from matching.models import CompanyRequest
from reach.models import ShareCard
from tips.models import Tip

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


@receiver(post_save, sender=Tip)
def _tip_saved(sender, instance, created, **kwargs):
    # A new tip waits for moderation (no page shows it); an edited or published one may be quoted on an appeal.
    if instance.published or not created:
        page_cache_invalidate()


@receiver(post_save, sender=CompanyRequest)
@receiver(post_delete, sender=CompanyRequest)
def _company_request_changed(sender, instance, created=False, **kwargs):
    # Campaign pages count waiting people per town: a confirmation, match or withdrawal changes the figures.
    # A new sign-up is not counted before it is confirmed, so it changes nothing visitors see.
    if not created:
        page_cache_invalidate()
