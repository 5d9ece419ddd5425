from django.core.management.base import BaseCommand
from wagtail.models import Page

from reach.models import ShareCard
from reach.selectors import page_has_card
from reach.services import share_card_make


class Command(BaseCommand):
    help = "Draw the share cards live pages lack (after a broker outage, or for pages published before reach)."

    def handle(self, *args, **options):
        made = 0
        drawn = set(ShareCard.objects.values_list("page_id", "revision_id"))
        for page in Page.objects.live().exclude(live_revision=None).select_related("content_type"):
            if (page.pk, page.live_revision_id) not in drawn and page_has_card(page=page):
                made += bool(share_card_make(page_id=page.pk, revision_id=page.live_revision_id))
        self.stdout.write(f"{made} share cards drawn.")
